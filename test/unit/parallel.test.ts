// Extraction on worker threads gives the same graph, byte for byte, as one thread; the streamed graph file is the
// same bytes as serializeAtlas.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../scripts/cli/args.ts';
import { runGraphBuild, writeJson, type BuildStats } from '../../scripts/cli/graph.ts';
import { PairEdge, serializeAtlas } from '../../scripts/pipeline/emit.ts';
import { MentionLink, SpanPool } from '../../scripts/pipeline/mention-link.ts';
import { defaultThreads, extractAll } from '../../scripts/pipeline/parallel/extract.ts';
import { prestartWorkers, takePrestarted } from '../../scripts/pipeline/parallel/pool.ts';
import { prestartFor, PRESTART_FROM_BYTES } from '../../scripts/cli/prestart.ts';
import { decodeCorpus, readCorpus } from '../../scripts/pipeline/read.ts';
import { tokenize } from '../../scripts/pipeline/extract/tokens.ts';

const SEED = 'data/trending-papers.txt';
const quiet = { info: () => {}, error: (line: string) => console.error(line) };

describe('tokenizing a text', () => {
  it('does not depend on the texts read before it', () => {
    // wink-nlp alone splits "LSTM's" into "LSTM" + "'s" in a fresh process, but keeps it whole once it has read
    // "LSTM's." somewhere else: a paper's terms would then depend on which papers its thread read first.
    const text = "We show that the LSTM's gates can be decoupled.";
    const words = (t: string): string[] => tokenize(t).map((token) => token.text);
    const fresh = words(text);
    expect(fresh).toContain('LSTM');
    words("Methods including RNN's and LSTM's. It even improves 3x.");
    expect(words(text)).toEqual(fresh);
  });
});

describe('extraction on worker threads', () => {
  const papers = readCorpus(decodeCorpus(readFileSync(SEED), SEED), SEED).papers;

  it('gives every paper the same terms, in paper order, whatever the number of threads', () => {
    const one = extractAll(papers, { threads: 1 });
    // Small batches, so every thread takes several and they finish in any order.
    const warnings: string[] = [];
    const three = extractAll(papers, { threads: 3, batch: 5, warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    expect(three.map((t) => t.key)).toEqual(papers.map((p) => p.key));
    expect(three).toEqual(one);
    // Packed columns survive the trip between threads.
    expect(three[0]!.ints).toBeInstanceOf(Int32Array);
    expect(three[0]!.size).toBeGreaterThan(0);
  }, 60_000);

  it('uses workers started early when they are the ones it needs, and stops them otherwise', () => {
    const one = extractAll(papers, { threads: 1 });
    prestartWorkers(1);
    expect(extractAll(papers, { threads: 2, batch: 5 })).toEqual(one);
    // Taken: nothing is left for the next extraction.
    expect(takePrestarted(1, undefined)).toBeUndefined();
    // A corpus that needs no worker lets the early ones go.
    prestartWorkers(1);
    expect(extractAll(papers.slice(0, 3), { threads: 2 })).toEqual(one.slice(0, 3));
    expect(takePrestarted(1, undefined)).toBeUndefined();
  });

  it('starts workers early for a big corpus file or an explicit --threads, not for a small one or --help', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prestart-'));
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, 'x'.repeat(PRESTART_FROM_BYTES));
    const count = (argv: string[]): number => {
      prestartFor(argv);
      const taken = takePrestarted(1, undefined);
      for (const w of taken?.workers ?? []) void w.worker.terminate();
      return taken?.workers.length ?? 0;
    };
    expect(count(['--input', SEED])).toBe(0);
    expect(count(['--input', SEED, '--threads', '2'])).toBe(1);
    expect(count(['--input', big, '--help'])).toBe(0);
    expect(count(['--input', big])).toBe(availableParallelism() >= 2 ? 1 : 0);
  });

  it('gives the same terms when a worker\'s string table starts over many times', () => {
    // Enough papers that the worker has started before this thread has done them all.
    const many = Array.from({ length: 8 }, (_, r) => papers.map((p) => ({ ...p, key: `${p.key}-${r}` }))).flat();
    const one = extractAll(many, { threads: 1 });
    // A table of 300 strings starts over before nearly every batch (a batch of 4 papers sends ~800 strings).
    const two = extractAll(many, { threads: 2, batch: 4, tableLimit: 300 });
    expect(two).toEqual(one);
  }, 60_000);

  it('builds the same graph file, byte for byte, with --threads 1 and --threads 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-parallel-'));
    const build = (threads: number): { bytes: Buffer; stats: BuildStats } => {
      const out = join(dir, `t${threads}.json`);
      let stats: BuildStats | undefined;
      runGraphBuild(parseArgs(['--input', SEED, '--out', out, '--threads', String(threads)]), quiet, (s) => (stats = s));
      return { bytes: readFileSync(out), stats: stats! };
    };
    const one = build(1);
    const two = build(2);
    expect(two.stats.threads).toBe(2);
    expect(one.stats.threads).toBe(1);
    expect(two.bytes.equals(one.bytes)).toBe(true);
    expect(one.stats.timings.map(([stage]) => stage)).toEqual(['read', 'extract', 'normalize', 'link', 'cluster', 'layout', 'emit', 'write']);
    expect(one.stats.bytes).toBe(one.bytes.length);
  }, 120_000);

  it('uses one thread for small corpora and at most two by default', () => {
    expect(defaultThreads(98)).toBe(1);
    expect(defaultThreads(500)).toBe(1);
    expect(defaultThreads(5000)).toBeGreaterThanOrEqual(1);
    expect(defaultThreads(5000)).toBeLessThanOrEqual(2);
  });

  it('rejects a --threads that is not a whole number ≥ 1', () => {
    expect(() => parseArgs(['--threads', '0'])).toThrow(/--threads/);
    expect(() => parseArgs(['--threads', '1.5'])).toThrow(/--threads/);
    expect(parseArgs(['--threads=2']).threads).toBe(2);
    expect(parseArgs([]).threads).toBeUndefined();
  });
});

describe('writeJson', () => {
  it('writes the same bytes as serializeAtlas, in pieces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-json-'));
    const pool = new SpanPool();
    const values = [
      { attributes: { a: 1, s: 'é "q" \u2028' }, options: { type: 'undirected' }, nodes: [{ key: 'p:1', attributes: { x: 1.5, u: undefined } }, { key: 'c:2' }], edges: [] },
      { skip: undefined, empty: [], holes: [1, undefined, () => 2], nested: [[1, [2]], { deep: [null] }], last: 'x' },
      {},
      // Edges that write their own JSON (PairEdge.jsonText), among values that do not.
      { edges: Array.from({ length: 300 }, (_, i) => new PairEdge(`p:${i}`, `c:"${i % 7}"`, new MentionLink(i, pool, [[i, i + 1]], []))), mixed: [new PairEdge('p:x', 'c:y', new MentionLink(1, pool, [], [])), { plain: 1 }] },
    ];
    for (const [i, value] of values.entries()) {
      const file = join(dir, `${i}.json`);
      const written = writeJson(file, value, 1 << 30);
      const expected = serializeAtlas(value as never);
      expect(readFileSync(file, 'utf8')).toBe(expected);
      expect(written.bytes).toBe(Buffer.byteLength(expected));
      expect(written.text?.toString('utf8')).toBe(expected);
    }
  });

  it('streams arrays too long for one string chunk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-json-'));
    const value = { nodes: Array.from({ length: 60_000 }, (_, i) => ({ key: `p:${i}`, attributes: { label: 'x'.repeat(100) } })) };
    const file = join(dir, 'big.json');
    const written = writeJson(file, value, 1000);
    expect(written.text).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(serializeAtlas(value as never));
  });
});
