// The bench's numbers as a markdown table (medians of the runs), and the README section that holds it.
import type { ChildResult } from './child.ts';
import type { PageCost, PageResult } from './browser.ts';

export const STAGES = ['read', 'extract', 'normalize', 'link', 'cluster', 'layout', 'emit', 'write'] as const;

export interface Row {
  size: string;
  source: string;
  /** Builds of this corpus (one per run) — empty when the corpus is missing or every build failed. */
  builds: ChildResult[];
  /** Wall time of each build's process (Node start-up included), ms. */
  wallMs: number[];
  gzipBytes?: number;
  pages: PageResult[];
  /** Why the row has no numbers (corpus missing, build failed). */
  skipped?: string;
}

export function median(values: number[]): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const fmtMs = (ms: number): string =>
  !Number.isFinite(ms) ? '–' : ms < 1000 ? `${Math.round(ms)} ms` : ms < 100_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;

export const fmtBytes = (b: number): string =>
  !Number.isFinite(b) ? '–' : b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : b >= 1e6 ? `${(b / 1e6).toFixed(b >= 1e8 ? 0 : 1)} MB` : `${Math.round(b / 1e3)} KB`;

const fmtCount = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');

const stageMs = (b: ChildResult, stage: string): number => b.timings.find(([s]) => s === stage)?.[1] ?? NaN;

const pageCosts = (pages: PageResult[]): PageCost[] => pages.filter((p): p is PageCost => !('error' in p));

export function markdownTable(rows: Row[]): string {
  const head = ['corpus', 'papers', 'concepts', 'edges', ...STAGES, 'total', 'CPU', 'peak RSS', 'graph.json', 'gzip', 'first render', 'hover'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) {
    const label = `${row.size}${row.builds.length > 1 ? ` (×${row.builds.length})` : ''}`;
    if (row.builds.length === 0) {
      lines.push(`| ${row.size} | ${row.skipped ?? 'no build'} |${' |'.repeat(head.length - 2)}`);
      continue;
    }
    const m = (f: (b: ChildResult) => number): number => median(row.builds.map(f));
    const pages = pageCosts(row.pages);
    const failed = row.pages.find((p): p is { error: string } => 'error' in p);
    const hover = median(pages.map((p) => p.hoverFrameMs ?? NaN));
    const cells = [
      label,
      fmtCount(m((b) => b.papers)),
      fmtCount(m((b) => b.concepts)),
      fmtCount(m((b) => b.edges)),
      ...STAGES.map((s) => fmtMs(m((b) => stageMs(b, s)))),
      `**${fmtMs(m((b) => b.totalMs))}**`,
      fmtMs(m((b) => b.cpuMs)),
      fmtBytes(m((b) => b.maxRss)),
      fmtBytes(m((b) => b.bytes)),
      fmtBytes(row.gzipBytes ?? NaN),
      pages.length ? fmtMs(median(pages.map((p) => p.firstRenderMs))) : failed ? (failed.error.startsWith('not measured') ? failed.error : `fails: ${failed.error.slice(0, 60)}`) : '–',
      pages.length && Number.isFinite(hover) ? fmtMs(hover) : '–',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

/** The README with `section` between the bench markers, or undefined when the markers are missing. */
export function replaceSection(readme: string, section: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + README_START.length)}\n${section.trim()}\n${readme.slice(end)}`;
}
