// Keyphrase ranking (scripts/pipeline/rank.ts) on small hand-written abstracts, and the `concepts` CLI around it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPaper } from '../../scripts/pipeline/extract/index.ts';
import { rankKeyphrases, type RankInput } from '../../scripts/pipeline/rank.ts';

const PAPERS = [
  {
    key: 'kv',
    title: 'KV Cache Quantization for Large Language Models',
    abstract:
      'Serving large language models (LLMs) with long contexts is limited by the memory of the key-value (KV) cache, ' +
      'which grows linearly with the sequence length. We study KV cache quantization and show that keys and values ' +
      'need different treatment: keys have outlier channels, values do not. We propose per-channel quantization for ' +
      'keys and per-token quantization for values, which compresses the KV cache to 2 bits with negligible perplexity ' +
      'loss. KV cache quantization enables 4x longer contexts and 3x higher throughput on a single GPU.',
  },
  {
    key: 'moe',
    title: 'Sparse Mixture-of-Experts Routing with Load Balancing',
    abstract:
      'Mixture-of-experts (MoE) layers scale model capacity by routing each token to a few experts. Poor routing ' +
      'leaves experts idle and overloads others. We introduce a load balancing loss and an expert choice router that ' +
      'keeps every expert busy. On language modeling benchmarks, our sparse MoE model matches a dense transformer ' +
      'with a third of the training compute.',
  },
  {
    key: 'nerf',
    title: 'Fast Neural Radiance Fields with Hash Encoding',
    abstract:
      'Neural radiance fields render novel views of a scene but train slowly. We replace the large multilayer ' +
      'perceptron with a multiresolution hash encoding of trainable feature vectors. The hash encoding lets a tiny ' +
      'network reach the same image quality, and training takes seconds instead of hours on a consumer GPU.',
  },
  {
    key: 'dist',
    title: 'Knowledge Distillation for Small Language Models',
    abstract:
      'Knowledge distillation transfers the behaviour of a large teacher model to a small student model. We show ' +
      'that distilling on teacher-generated sequences beats distilling on the original training data, and that the ' +
      'student model benefits from the reverse Kullback-Leibler divergence.',
  },
];

const inputs = (papers = PAPERS): RankInput[] =>
  papers.map((p) => ({ ...extractPaper(p), title: p.title, abstract: p.abstract }));

describe('rankKeyphrases', () => {
  const ranked = rankKeyphrases(inputs(), { top: 5 });

  it('puts the paper\'s subject first', () => {
    expect(ranked.get('kv')?.[0]?.phrase).toBe('kv cache quantization');
    expect(ranked.get('nerf')?.map((r) => r.phrase)).toContain('neural radiance fields');
    expect(ranked.get('dist')?.map((r) => r.phrase).slice(0, 3)).toContain('knowledge distillation');
  });

  it('ranks whole noun phrases, not generic words or fragments', () => {
    const kv = ranked.get('kv')!.map((r) => r.phrase);
    expect(kv).toContain('large language models');
    expect(kv).not.toContain('large language');
    expect(kv).not.toContain('loss');
  });

  it('returns at most top phrases, distinct, scores non-increasing, with canonical ids', () => {
    for (const [, list] of ranked) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(5);
      expect(new Set(list.map((r) => r.phrase)).size).toBe(list.length);
      for (let i = 1; i < list.length; i++) expect(list[i]!.score).toBeLessThanOrEqual(list[i - 1]!.score);
      for (const r of list) expect(r.phrase).toBe(r.phrase.toLowerCase());
    }
    // The acronym and its long form are one concept: "KV cache" is "key value cache".
    expect(ranked.get('kv')!.find((r) => r.phrase === 'kv cache quantization')?.id).toBe('key value cache quantization');
  });

  it('is deterministic, whatever the order of the papers', () => {
    const again = rankKeyphrases(inputs(), { top: 5 });
    const reversed = rankKeyphrases(inputs([...PAPERS].reverse()), { top: 5 });
    for (const key of ranked.keys()) {
      expect(again.get(key)).toEqual(ranked.get(key));
      expect(reversed.get(key)).toEqual(ranked.get(key));
    }
  });

  it('still ranks from extracted terms alone, and handles an empty corpus', () => {
    const bare = rankKeyphrases(PAPERS.map((p) => extractPaper(p)), { top: 3 });
    expect(bare.get('kv')?.map((r) => r.phrase)).toContain('kv cache quantization');
    expect(rankKeyphrases([]).size).toBe(0);
  });
});

const tsx = join('node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(tsx, ['scripts/concepts.ts', ...args], { encoding: 'utf8' });
const tempFile = (name: string, text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'atlas-concepts-')), name);
  writeFileSync(file, text);
  return file;
};

describe('npm run concepts', () => {
  it('prints only JSON lines {id, keyphrases}, in input order, top K each', () => {
    const records = [
      { id: 'p1', title: PAPERS[0]!.title, abstract: PAPERS[0]!.abstract, venue: 'x' },
      { id: 42, title: PAPERS[1]!.title, abstract: PAPERS[1]!.abstract },
      { title: PAPERS[2]!.title, abstract: PAPERS[2]!.abstract },
    ];
    const input = tempFile('papers.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = run('--input', input, '--top', '3');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    const rows = lines.map((l) => JSON.parse(l) as { id: string; keyphrases: string[] });
    expect(rows.map((row) => row.id)).toEqual(['p1', '42', 'fast-neural-radiance-fields-with-hash-encoding']);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['id', 'keyphrases']);
      expect(row.keyphrases.length).toBeGreaterThan(0);
      expect(row.keyphrases.length).toBeLessThanOrEqual(3);
      expect(row.keyphrases.every((k) => typeof k === 'string' && k !== '')).toBe(true);
    }
    expect(rows[0]!.keyphrases[0]).toBe('kv cache quantization');
    expect(r.stderr).toMatch(/3 papers from .*papers\.jsonl \(jsonl\)/);
  });

  it('defaults to 10 keyphrases per paper, and is quiet with --quiet', () => {
    const input = tempFile('one.json', JSON.stringify(PAPERS.map(({ key, ...p }) => ({ id: key, ...p }))));
    const byDefault = run('--input', input, '--quiet');
    expect(byDefault.status, byDefault.stderr).toBe(0);
    expect(byDefault.stderr).toBe('');
    expect(run('--input', input, '--top', '10', '-q').stdout).toBe(byDefault.stdout);
    const counts = byDefault.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { keyphrases: string[] }).keyphrases.length);
    expect(counts).toHaveLength(4);
    expect(Math.max(...counts)).toBe(10);
  });

  it('prints nothing for an empty corpus and exits 0', () => {
    const r = run('--input', tempFile('empty.jsonl', ''));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no papers/);
  });

  it('fails clearly on a missing file, a missing --input and a bad --top', () => {
    const missing = run('--input', 'no/such/file.jsonl');
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^error: no\/such\/file\.jsonl.*no such file$/);
    expect(missing.stdout).toBe('');
    expect(run().status).toBe(2);
    const bad = run('--input', 'x.jsonl', '--top', '0');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--top takes a whole number/);
  });
});
