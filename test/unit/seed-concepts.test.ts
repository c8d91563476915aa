// Judgements a researcher makes reading the seed's concept map (data/trending-papers.txt, 98 ML papers).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, view, type SeedView } from './seed-helpers.ts';

let seed: SeedView;
beforeAll(() => {
  seed = view(buildSeed());
});

/** Paper keys whose title or abstract matches `re`. */
const papersMatching = (re: RegExp): Set<string> =>
  new Set([...seed.papers].filter(([, a]) => re.test(`${a.title}\n${a.abstract}`)).map(([k]) => k));

describe('seed concepts', () => {
  it('reads all 98 papers and makes every one a node', () => {
    expect(seed.papers.size).toBe(98);
    expect(seed.atlas.attributes.build.papers).toBe(98);
  });

  it('makes INT4 one node linked to every paper that writes INT4', () => {
    const [key] = seed.concept('INT4')!;
    expect(seed.papersOf(key)).toEqual(papersMatching(/\bINT4\b/));
  });

  it('makes "KV cache", "KV caches" and "key-value cache" one node linked to every paper that uses them', () => {
    const [key, kv] = seed.concept('KV cache')!;
    expect(kv.label).toBe('KV cache');
    const users = papersMatching(/\bKV[ -]cache|key-value \(KV\) cache|key-value cache/i);
    expect(users.size).toBeGreaterThanOrEqual(4);
    expect(seed.papersOf(key)).toEqual(users);
    expect([...seed.concepts.values()].filter((c) => /^(kv|key-value) cache$/i.test(c.label))).toHaveLength(1);
  });

  it('knows SAM as Sharpness-Aware Minimization in the papers that define it so', () => {
    const [key, sam] = seed.concept('SAM')!;
    expect(sam.definition?.toLowerCase()).toBe('sharpness-aware minimization');
    for (const p of papersMatching(/Sharpness-Aware Minimization \(SAM\)|SAM \(Sharpness-Aware Minimization\)/)) expect(seed.papersOf(key)).toContain(p);
  });

  it('merges INR, INRs and (neural) implicit neural representations into one node', () => {
    const [key, inr] = seed.concept('INR')!;
    const aliases = [inr.label, ...inr.aliases].map((a) => a.toLowerCase());
    expect(aliases).toEqual(expect.arrayContaining(['inr', 'implicit neural representation']));
    expect(seed.concept('implicit neural representations')?.[0]).toBe(key);
    expect(seed.concept('neural implicit representation')?.[0]).toBe(key);
    for (const p of papersMatching(/\bINRs?\b|implicit neural representation/i)) expect(seed.papersOf(key)).toContain(p);
  });

  it('merges LLM, LLMs and large language models into one node', () => {
    const [key] = seed.concept('LLM')!;
    expect(seed.concept('large language models')?.[0]).toBe(key);
    expect(seed.concept('LLMs')?.[0]).toBe(key);
    expect(seed.papersOf(key).size).toBeGreaterThanOrEqual(15);
  });

  it('keeps the technical hubs quantization, pruning, sparsity, GPU and latency', () => {
    for (const name of ['quantization', 'pruning', 'sparsity', 'GPU', 'latency']) expect(seed.concept(name), name).toBeDefined();
  });

  it('names a concept by its noun: "pretraining", not the participle "pre-trained"', () => {
    expect(seed.concept('pretraining')).toBeDefined();
    expect([...seed.concepts.values()].filter((c) => /^pre-?trained$/i.test(c.label))).toEqual([]);
  });

  it('has no generic research-speak, fragments or bare numbers as concepts', () => {
    const junk = [
      'proposed method', 'extensive experiments', 'state-of-the-art', 'novel framework', 'results', 'paper',
      'performance', 'real-world', 'large margin', 'method', 'approach', 'framework', 'ability', 'owing',
      'large language', 'aware training', 'music source', 'SOTA', 'gained prominence', 'adversarial', 'loss',
      'data', 'model', 'experiments', 'dataset', 'benchmark', 'task',
    ];
    for (const name of junk) expect(seed.concept(name), name).toBeUndefined();
    for (const c of seed.concepts.values()) expect(c.label, c.label).toMatch(/\p{L}/u);
  });

  it('links each concept to at least two papers and keeps a paper\'s own terms in its panel', () => {
    for (const [key] of seed.concepts) expect(seed.papersOf(key).size).toBeGreaterThanOrEqual(2);
    const withTerms = [...seed.papers.values()].filter((p) => p.terms.length > 0);
    expect(withTerms.length).toBeGreaterThan(50);
  });

  it('records where each mention is, so the app can highlight it', () => {
    let checked = 0;
    for (const e of seed.atlas.edges) {
      const paper = seed.papers.get(e.source)!;
      for (const [s, t] of e.attributes.abstractSpans) {
        expect(t).toBeGreaterThan(s);
        expect(t).toBeLessThanOrEqual(paper.abstract.length);
        checked++;
      }
    }
    const [kvKey] = seed.concept('KV cache')!;
    const edge = seed.atlas.edges.find((e) => e.target === kvKey && e.attributes.abstractSpans.length > 0)!;
    const paper = seed.papers.get(edge.source)!;
    const [s, t] = edge.attributes.abstractSpans[0]!;
    expect(paper.abstract.slice(s, t)).toMatch(/KV|key-value/i);
    expect(checked).toBeGreaterThan(500);
  });
});
