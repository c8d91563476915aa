// Derives the site's data files (src/contract/compact.ts: layout, names, text chunks) from a contract-v1 graph file.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeSite, LAYOUT_FILE, siteFiles } from '../src/contract/compact.ts';
import { validateGraph } from '../src/contract/validate.ts';
import { CorpusError } from './pipeline/read.ts';

export interface SiteDataStats {
  files: number;
  nodes: number;
  /** gzip bytes of the layout file (what the first frame waits for). */
  layoutGzip: number;
  /** gzip bytes of every data file together. */
  totalGzip: number;
  inline: boolean;
}

/** Old data files in `dir` (a previous build's layout, names, chunks, or a graph.json copied from public/). */
export function removeSiteData(dir: string, keepGraph = false): void {
  for (const f of [LAYOUT_FILE, 'atlas-names.json', ...(keepGraph ? [] : ['graph.json'])]) rmSync(join(dir, f), { force: true });
  rmSync(join(dir, 'text'), { recursive: true, force: true });
}

/** Reads and validates the v1 graph at `graphFile`, then writes the site's data files into `dir`. */
/** `keepGraph`: leave a graph.json in `dir` (npm start writes the graph file into public/ itself). */
export function writeSiteData(graphFile: string, dir: string, options: { keepGraph?: boolean } = {}): SiteDataStats {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(graphFile, 'utf8'));
  } catch (e) {
    throw new CorpusError(graphFile, 1, `not a readable JSON graph file (${(e as Error).message})`);
  }
  const result = validateGraph(data);
  if (!result.ok) throw new CorpusError(graphFile, 1, `not a contract-v1 graph file: ${result.errors.slice(0, 3).join('; ')}`);
  const parts = encodeSite(result.graph);
  removeSiteData(dir, options.keepGraph);
  let totalGzip = 0;
  let layoutGzip = 0;
  const files = siteFiles(parts);
  for (const [name, text] of files) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    const gz = gzipSync(text).length;
    totalGzip += gz;
    if (name === LAYOUT_FILE) layoutGzip = gz;
  }
  return { files: files.size, nodes: result.graph.nodes.length, layoutGzip, totalGzip, inline: parts.chunks.length === 0 };
}

export function describeSiteData(s: SiteDataStats): string {
  const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;
  return `site data: ${LAYOUT_FILE} ${kb(s.layoutGzip)} gzip (${(s.layoutGzip / Math.max(1, s.nodes)).toFixed(1)} B/node)` +
    (s.inline ? ', text inline (one request)' : `, names + ${s.files - 2} text chunks loaded after the first frame; ${kb(s.totalGzip)} gzip in all`);
}
