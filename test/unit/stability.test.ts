// --previous: a rebuild with new papers keeps the learned map — old nodes stay near where they were.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SerializedAtlas } from '../../src/contract/types.ts';
import { DEFAULTS } from '../../scripts/options.ts';
import { buildAtlas } from '../../scripts/pipeline/build.ts';
import { readCorpus, type RawPaper } from '../../scripts/pipeline/read.ts';
import { SEED } from './seed-helpers.ts';

const seedPapers = readCorpus(readFileSync(SEED, 'utf8'), SEED).papers;
const newPapers: RawPaper[] = [
  {
    key: 'new-kv-cache-eviction',
    line: 1,
    title: 'Evicting tokens from the KV cache of large language models',
    abstract: 'Large language models (LLMs) keep a KV cache that grows with the sequence length. We evict unimportant tokens from the KV cache and quantize the rest to INT4, cutting GPU memory with little loss in accuracy.',
  },
  {
    key: 'new-inr-video',
    line: 2,
    title: 'Faster implicit neural representations for video compression',
    abstract: 'Implicit neural representations (INRs) encode videos as networks. We speed up INR video compression and improve PSNR on the UVG dataset.',
  },
];

const build = (papers: RawPaper[], previous?: Map<string, { x: number; y: number }>): SerializedAtlas =>
  buildAtlas({ papers, input: 'x', format: 'json', skipped: 0, options: { ...DEFAULTS }, ...(previous ? { previous } : {}) }).atlas;

const positions = (a: SerializedAtlas): Map<string, { x: number; y: number }> => new Map(a.nodes.map((n) => [n.key, { x: n.attributes.x, y: n.attributes.y }]));

function medianShift(before: SerializedAtlas, after: SerializedAtlas): number {
  const old = positions(before);
  let extent = 0;
  for (const p of old.values()) extent = Math.max(extent, Math.hypot(p.x, p.y));
  const shifts = after.nodes
    .filter((n) => n.attributes.kind === 'paper' && old.has(n.key))
    .map((n) => Math.hypot(n.attributes.x - old.get(n.key)!.x, n.attributes.y - old.get(n.key)!.y) / extent)
    .sort((a, b) => a - b);
  return shifts[Math.floor(shifts.length / 2)]!;
}

describe('--previous keeps the map stable', () => {
  const before = build(seedPapers);
  const stable = build([...seedPapers, ...newPapers], positions(before));
  const fresh = build([...seedPapers, ...newPapers]);

  it('moves old papers far less than a layout from scratch', () => {
    const kept = medianShift(before, stable);
    expect(kept).toBeLessThan(0.15);
    expect(kept).toBeLessThan(medianShift(before, fresh) / 2);
  });

  it('places a new paper near the concepts it shares', () => {
    const pos = positions(stable);
    const paper = pos.get('p:new-kv-cache-eviction')!;
    const kv = stable.nodes.find((n) => n.attributes.kind === 'concept' && n.attributes.label === 'KV cache')!;
    const toKv = Math.hypot(paper.x - kv.attributes.x, paper.y - kv.attributes.y);
    const distances = [...pos.values()].map((p) => Math.hypot(paper.x - p.x, paper.y - p.y)).sort((a, b) => a - b);
    expect(toKv).toBeLessThan(distances[Math.floor(distances.length / 4)]!);
  });

  it('is still deterministic', () => {
    expect(JSON.stringify(build([...seedPapers, ...newPapers], positions(before)))).toBe(JSON.stringify(stable));
  });
});

describe('build:graph --previous', () => {
  it('reads an earlier graph file and says so when it is not one', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'atlas-prev-'));
    const tsx = join('node_modules', '.bin', 'tsx');
    const first = spawnSync(tsx, ['scripts/build-graph.ts', '--input', 'test/fixtures/overrides/papers.json', '--out', join(dir, 'a.json'), '--overrides', 'test/fixtures/cli/no-overrides.json'], { encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    const again = spawnSync(tsx, ['scripts/build-graph.ts', '--input', 'test/fixtures/overrides/papers.json', '--out', join(dir, 'b.json'), '--previous', join(dir, 'a.json')], { encoding: 'utf8' });
    expect(again.status, again.stderr).toBe(0);
    writeFileSync(join(dir, 'bad.json'), '{"nodes": []}');
    const bad = spawnSync(tsx, ['scripts/build-graph.ts', '--input', 'test/fixtures/overrides/papers.json', '--out', join(dir, 'c.json'), '--previous', join(dir, 'bad.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json:1: not a graph file/);
  });
});
