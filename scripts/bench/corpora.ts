// The corpora `npm run bench` builds: the seed, the real Inspec and ML-abstract corpora from ../shared/corpora/, and
// larger synthetic ones made from those real abstracts (generated into a temporary directory, never committed).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface SizeSpec {
  /** As given to --sizes: "seed", "500", "4820", "20k", "100k". */
  name: string;
  /** Papers wanted (synthetic) or expected (real). */
  papers: number;
  /** Where the papers come from, for the table's notes. */
  source: string;
}

export const ALL_SIZES: readonly SizeSpec[] = [
  { name: 'seed', papers: 98, source: 'data/trending-papers.txt' },
  { name: '500', papers: 500, source: 'inspec-test.jsonl' },
  // The first 3,000 ML abstracts: a map of ~10,000 nodes, the size the app's first-render target names.
  { name: '3000', papers: 3000, source: 'the first 3,000 of ml-abstracts.jsonl' },
  { name: '4820', papers: 4820, source: 'ml-abstracts.jsonl' },
  { name: '20k', papers: 20_000, source: 'synthetic (ml + inspec)' },
  { name: '100k', papers: 100_000, source: 'synthetic (ml + inspec)' },
];

/** Parses "seed,500,20k" (also "50k", "1m", or any number of papers for a synthetic corpus). */
export function parseSizes(list: string): SizeSpec[] {
  return list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((name) => {
      const known = ALL_SIZES.find((s) => s.name === name);
      if (known) return known;
      const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(name);
      if (!m) throw new Error(`--sizes: "${name}" is not seed, 500, 4820 or a number of papers such as 20k`);
      const papers = Math.round(Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1));
      return { name, papers, source: 'synthetic (ml + inspec)' };
    });
}

export interface Record {
  id: string;
  title: string;
  abstract: string;
}

export type Resolved = { file: string } | { missing: string };

/** Generator version: part of the cached file's name, so a change of the recipe never reuses an old file. */
const RECIPE = 'v1';

/** The corpus file for a size: a real file, or a synthetic one (made once into `cacheDir`). */
export function corpusFor(size: SizeSpec, root: string, cacheDir = join(tmpdir(), 'concept-atlas-bench')): Resolved {
  const shared = resolve(root, '../shared/corpora');
  const ml = join(shared, 'ml-abstracts.jsonl');
  const inspec = join(shared, 'inspec-test.jsonl');
  if (size.name === 'seed') return { file: resolve(root, 'data/trending-papers.txt') };
  if (size.name === '500') return existsSync(inspec) ? { file: inspec } : { missing: inspec };
  if (size.name === '4820') return existsSync(ml) ? { file: ml } : { missing: ml };
  for (const f of [ml, inspec]) if (!existsSync(f)) return { missing: f };
  const file = join(cacheDir, `synthetic-${size.papers}-${RECIPE}.jsonl`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    const records = synthesize([readJsonl(ml), readJsonl(inspec)], size.papers);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    renameSync(tmp, file);
  }
  return { file };
}

export function readJsonl(file: string): Record[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as { id?: unknown; title: string; abstract: string };
      return { id: String(o.id ?? o.title), title: o.title, abstract: o.abstract };
    });
}

/** Sentences of an abstract: cut after . ! ? followed by a space and a capital letter or digit. */
export const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean);

/** mulberry32: a small seeded generator, so the same size always gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` papers from real corpora: first every real paper, then rounds of variants until the count is reached. The
 * variant of a paper in round r keeps its first sentence and, with even odds, each of its other sentences; the others
 * are replaced by sentences of random abstracts of the same corpus, and all but the first sentence are shuffled. Its
 * title is the original's with " (r+1)" appended, its id the original's with "~r". Real vocabulary, real sentence
 * lengths, shared concepts within a corpus — and related papers between a paper and its variants.
 */
export function synthesize(corpora: Record[][], count: number, seed = 1): Record[] {
  const out: Record[] = [];
  const pools = corpora.map((c) => c.flatMap((r) => sentencesOf(r.abstract)));
  const base = corpora.flatMap((c, ci) => c.map((r) => ({ r, ci })));
  if (base.length === 0) return out;
  for (let round = 0; out.length < count; round++) {
    const random = rng(seed * 1_000_003 + round);
    for (const { r, ci } of base) {
      if (out.length >= count) break;
      if (round === 0) {
        out.push(r);
        continue;
      }
      const pool = pools[ci]!;
      const own = sentencesOf(r.abstract);
      const kept = own.slice(1).map((s) => (random() < 0.5 || pool.length === 0 ? s : pool[Math.floor(random() * pool.length)]!));
      for (let i = kept.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [kept[i], kept[j]] = [kept[j]!, kept[i]!];
      }
      out.push({ id: `${r.id}~${round}`, title: `${r.title} (${round + 1})`, abstract: [own[0] ?? r.abstract, ...kept].join(' ') });
    }
  }
  return out;
}
