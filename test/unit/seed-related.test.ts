// Related papers and clusters on the seed, judged as a researcher would, plus the layout and determinism invariants.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/contract/validate.ts';
import { serializeAtlas } from '../../scripts/pipeline/emit.ts';
import { hubLimitFor, PAIR_BUDGET, relatePapers, type ConceptRecord } from '../../scripts/pipeline/link.ts';
import { kthLargest } from '../../scripts/pipeline/ranking.ts';
import { readFileSync } from 'node:fs';
import { DEFAULTS } from '../../scripts/options.ts';
import { buildAtlas } from '../../scripts/pipeline/build.ts';
import { readCorpus } from '../../scripts/pipeline/read.ts';
import { buildSeed, SEED, view, type SeedView } from './seed-helpers.ts';

let seed: SeedView;
let bytes: string;
beforeAll(() => {
  const atlas = buildSeed();
  seed = view(atlas);
  bytes = serializeAtlas(atlas);
});

const LLM_WEIGHT_QUANT = ['AWQ:', 'SpQR:', 'OstQuant:', 'QServe:', 'OliVe:', 'Give Me BF16', 'EoRA:'];

describe('related papers on the seed', () => {
  it('lets the LLM weight-quantization papers find each other', () => {
    const keys = LLM_WEIGHT_QUANT.map((t) => seed.paper(t)[0]);
    for (const key of keys) {
      const related = seed.papers.get(key)!.related.map((r) => r.key);
      const found = keys.filter((k) => k !== key && related.includes(k));
      expect(found.length, seed.papers.get(key)!.title).toBeGreaterThanOrEqual(2);
    }
  });

  it('lets the INR video papers find each other', () => {
    const inrVideo = [...seed.papers].filter(([, p]) => /\bINRs?\b|implicit neural representation|neural representation for videos/i.test(p.abstract) && /video/i.test(p.title + p.abstract));
    expect(inrVideo.length).toBeGreaterThanOrEqual(3);
    const keys = inrVideo.map(([k]) => k);
    for (const [key, p] of inrVideo) expect(p.related.some((r) => keys.includes(r.key)), p.title).toBe(true);
  });

  it('does not relate the 28 GHz path-loss paper to loss-function papers for saying "loss"', () => {
    const [, radio] = seed.paper('28 GHz');
    for (const r of radio.related) {
      const other = seed.papers.get(r.key)!;
      expect(other.title).not.toMatch(/loss/i);
      expect(r.shared.length === 1 && seed.concepts.get(r.shared[0]!)!.conceptType === 'word').toBe(false);
    }
  });

  it('explains every related paper by shared concepts both papers are linked to', () => {
    for (const [key, p] of seed.papers)
      for (const r of p.related) {
        expect(r.shared.length).toBeGreaterThan(0);
        for (const c of r.shared) {
          expect(seed.conceptsOf(key)).toContain(c);
          expect(seed.conceptsOf(r.key)).toContain(c);
        }
      }
  });

  it('lists related papers best first, and B lists A when A is B\'s top match', () => {
    let symmetric = 0;
    let tops = 0;
    for (const [key, p] of seed.papers) {
      const scores = p.related.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const top = p.related[0];
      if (!top) continue;
      tops++;
      if (seed.papers.get(top.key)!.related.some((r) => r.key === key)) symmetric++;
    }
    expect(symmetric / tops).toBeGreaterThan(0.9);
  });
});

describe('clusters and layout on the seed', () => {
  it('puts the LLM weight-quantization papers in one cluster', () => {
    const clusters = new Set(LLM_WEIGHT_QUANT.map((t) => seed.paper(t)[1].cluster));
    expect(clusters.size).toBe(1);
  });

  it('names every cluster from its concepts and counts its papers', () => {
    const counts = new Map<number, number>();
    for (const p of seed.papers.values()) counts.set(p.cluster, (counts.get(p.cluster) ?? 0) + 1);
    for (const c of seed.atlas.attributes.clusters) {
      expect(c.size).toBe(counts.get(c.id) ?? 0);
      if (c.label !== 'Unclustered papers') {
        expect(c.top.length).toBeGreaterThan(0);
        expect(c.label).toContain(seed.concepts.get(c.top[0]!)!.label);
      }
    }
  });

  it('places related papers closer than random pairs, at finite coordinates', () => {
    for (const n of seed.atlas.nodes) expect(Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.y)).toBe(true);
    const q = seed.atlas.attributes.build.layoutQuality;
    expect(q).toBeGreaterThan(0);
    expect(q).toBeLessThan(0.8);
  });

  it('writes a file the contract validator accepts', () => {
    const result = validateGraph(JSON.parse(bytes));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('gives byte-identical output for the same input and options', () => {
    expect(serializeAtlas(buildSeed())).toBe(bytes);
  });

  it('gives a different layout for a different seed, with the same concepts', () => {
    const other = buildSeed({ seed: 7 });
    expect(serializeAtlas(other)).not.toBe(bytes);
    expect(other.nodes.map((n) => n.key)).toEqual(seed.atlas.nodes.map((n) => n.key));
  });
});

describe('the similarity pass on a very large corpus', () => {
  it('leaves out the commonest concepts until the paper pairs fit the budget, and no others', () => {
    // 100,000 papers: 50 concepts in 3,000 papers each (450 M pairs) and many small ones.
    const counts = [...Array.from({ length: 50 }, () => 3000), ...Array.from({ length: 10_000 }, () => 5)];
    const limit = hubLimitFor(counts, 100_000);
    expect(limit).toBeLessThan(3000);
    expect(limit).toBeGreaterThanOrEqual(5);
    const pairs = counts.filter((df) => df <= limit).reduce((s, df) => s + df * df, 0);
    expect(pairs).toBeLessThanOrEqual(PAIR_BUDGET);
    // A corpus within budget keeps the usual limit: a tenth of the papers.
    expect(hubLimitFor([10, 20, 300], 4820)).toBe(482);
  });
});

describe('picking the best related papers of thousands touched', () => {
  it('finds the k-th largest score as sorting would, ties included', () => {
    let state = 7;
    const random = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const m = 1 + Math.floor(random() * 200);
      const values = Float64Array.from({ length: m }, () => Math.round(random() * 20) / 20);
      const k = 1 + Math.floor(random() * m);
      const sorted = [...values].sort((a, b) => b - a);
      expect(kthLargest(values, m, k, new Float64Array(m))).toBe(sorted[k - 1]);
    }
  });

  it('still fills the list from papers below the shortlist when the best ones share only a single word', () => {
    const link = { kind: 'mentions' as const, weight: 1, titleSpans: [], abstractSpans: [] };
    const concept = (key: string, type: ConceptRecord['type'], specificity: number, papers: string[]): ConceptRecord => ({
      key, id: key, label: key, aliases: [], type, specificity, papers: new Map(papers.map((p) => [p, link])),
    });
    const many = Array.from({ length: 40 }, (_, i) => `a${String(i).padStart(2, '0')}`);
    const few = ['b1', 'b2', 'b3'];
    const concepts = [concept('c:word', 'word', 3, ['p', ...many]), concept('c:phrase', 'phrase', 1, ['p', ...few])];
    const related = relatePapers(['p', ...many, ...few], concepts, { maxRelated: 3, minRelatedScore: 0.01 });
    // The 40 papers sharing the word (fewer than the hub limit of 50) score higher than the shortlist holds, and are no reason; the phrase's are.
    expect(related.get('p')!.map((r) => r.key)).toEqual(few);
    expect(related.get('p')![0]!.shared).toEqual(['c:phrase']);
  });
});

describe('memory between stages', () => {
  it('calls the collect hook after extracting, after normalizing and after the selection, and the graph is the same with it', () => {
    const read = readCorpus(readFileSync(SEED, 'utf8'), SEED);
    const stages: number[] = [];
    const result = buildAtlas({
      papers: read.papers,
      input: 'trending-papers.txt',
      format: read.format,
      skipped: read.skipped.length,
      options: { ...DEFAULTS },
      collect: () => stages.push(stages.length),
    });
    expect(stages.length).toBe(3);
    expect(result.timings.map(([stage]) => stage)).toEqual(['extract', 'normalize', 'link', 'cluster', 'layout', 'emit']);
    expect(serializeAtlas(result.atlas)).toBe(bytes);
  });
});

describe('the related-papers pass on two threads', () => {
  // 3,000 papers (six chunks of work) sharing concepts of every kind, drawn by a seeded generator.
  const link = { kind: 'mentions' as const, weight: 1, titleSpans: [], abstractSpans: [] };
  let state = 11;
  const random = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const paperKeys = Array.from({ length: 3000 }, (_, i) => `p:${String((i * 7919) % 3000).padStart(4, '0')}`);
  const types: Array<ConceptRecord['type']> = ['word', 'phrase', 'acronym', 'token'];
  const concepts: ConceptRecord[] = Array.from({ length: 600 }, (_, i) => {
    const papers = new Set<string>();
    const df = 2 + Math.floor(random() ** 3 * 60);
    while (papers.size < df) papers.add(paperKeys[Math.floor(random() * paperKeys.length)]!);
    // Specificities repeat, so the order of shared concepts falls back on their keys.
    return { key: `c:${i}`, id: `${i}`, label: `${i}`, aliases: [], type: types[i % 4]!, specificity: 1 + (i % 7), papers: new Map([...papers].map((p) => [p, link])) };
  });
  const options = { maxRelated: 10, minRelatedScore: 0.05 };

  it('gives every paper the same list as one thread, with the worker doing part of the work', () => {
    const one = relatePapers(paperKeys, concepts, options, 1);
    let workerChunks = 0;
    const two = relatePapers(paperKeys, concepts, options, 2, { waitForWorkersMs: 60_000, onWorkerChunks: (n) => (workerChunks = n) });
    expect(workerChunks).toBeGreaterThan(0);
    expect([...two.keys()]).toEqual([...one.keys()]);
    expect(Object.fromEntries(two)).toEqual(Object.fromEntries(one));
    expect([...one.values()].filter((l) => l.length > 0).length).toBeGreaterThan(2500);
  });

  it('lists equal scores by paper key and shared concepts most specific first, then by key', () => {
    const one = relatePapers(paperKeys, concepts, options, 1);
    const specificity = new Map(concepts.map((c) => [c.key, c.specificity]));
    let ties = 0;
    for (const list of one.values()) {
      list.forEach((r, i) => {
        const next = list[i + 1];
        if (next && next.score === r.score) (ties++, expect(r.key < next.key).toBe(true));
        r.shared.forEach((c, j) => {
          const d = r.shared[j + 1];
          if (d) expect(specificity.get(c)! > specificity.get(d)! || (specificity.get(c) === specificity.get(d) && c < d)).toBe(true);
        });
      });
    }
    expect(ties).toBeGreaterThan(0);
  });
});
