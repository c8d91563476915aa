// Louvain clusters and their names on small exact fixtures: invariants for the stochastic step, exact names.
import { describe, expect, it } from 'vitest';
import type { RelatedPaper } from '../../src/contract/types.ts';
import { clusterOfConcept, clusterPapers } from '../../scripts/pipeline/cluster.ts';
import type { ConceptRecord } from '../../scripts/pipeline/link.ts';
import { hcl, lab, schemeTableau10 } from 'd3';
import { nameClusters, OTHER_COLOR, topicColor } from '../../scripts/pipeline/name-clusters.ts';

/** Two 4-cliques joined by one weak edge, and one paper related to nothing. */
function fixture(): { keys: string[]; related: Map<string, RelatedPaper[]> } {
  const a = ['a1', 'a2', 'a3', 'a4'];
  const b = ['b1', 'b2', 'b3', 'b4'];
  const related = new Map<string, RelatedPaper[]>();
  const link = (p: string, q: string, score: number): void => {
    related.set(p, [...(related.get(p) ?? []), { key: q, score, shared: [] }]);
    related.set(q, [...(related.get(q) ?? []), { key: p, score, shared: [] }]);
  };
  for (const clique of [a, b]) for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) link(clique[i]!, clique[j]!, 0.8);
  link('a1', 'b1', 0.3);
  link('a2', 'b2', 0.3);
  related.set('lonely', []);
  return { keys: [...a, ...b, 'lonely'].sort(), related };
}

const concept = (key: string, label: string, papers: string[], type: ConceptRecord['type'] = 'phrase'): ConceptRecord => ({
  key,
  id: label,
  label,
  aliases: [],
  type,
  specificity: 1,
  papers: new Map(papers.map((p) => [p, { kind: 'mentions' as const, weight: 1, titleSpans: [], abstractSpans: [] }])),
});

describe('clusterPapers', () => {
  it('puts the members of an obvious clique in one cluster and the two cliques apart', () => {
    const { keys, related } = fixture();
    const c = clusterPapers(keys, related, { seed: 1, resolution: 1 });
    const of = (k: string): number => c.ofPaper.get(k)!;
    expect(new Set(['a1', 'a2', 'a3', 'a4'].map(of)).size).toBe(1);
    expect(new Set(['b1', 'b2', 'b3', 'b4'].map(of)).size).toBe(1);
    expect(of('a1')).not.toBe(of('b1'));
  });

  it('groups papers related to nothing as "unclustered", last', () => {
    const { keys, related } = fixture();
    const c = clusterPapers(keys, related, { seed: 1, resolution: 1 });
    expect(c.unclustered).toBe(c.count - 1);
    expect(c.ofPaper.get('lonely')).toBe(c.unclustered);
  });

  it('gives the same partition for the same seed, whatever the seed', () => {
    const { keys, related } = fixture();
    for (const seed of [1, 2, 42]) {
      const one = clusterPapers(keys, related, { seed, resolution: 1 });
      const two = clusterPapers(keys, related, { seed, resolution: 1 });
      expect([...one.ofPaper]).toEqual([...two.ofPaper]);
    }
  });

  it('makes more clusters at a higher resolution', () => {
    const { keys, related } = fixture();
    const low = clusterPapers(keys, related, { seed: 1, resolution: 0.001 });
    const high = clusterPapers(keys, related, { seed: 1, resolution: 1 });
    expect(low.count).toBeLessThan(high.count);
  });
});

describe('nameClusters and clusterOfConcept', () => {
  const { keys, related } = fixture();
  const clustering = clusterPapers(keys, related, { seed: 1, resolution: 1 });
  const a = clustering.ofPaper.get('a1')!;
  const concepts = [
    concept('c:kv', 'KV cache', ['a1', 'a2', 'a3']),
    concept('c:int4', 'INT4', ['a1', 'a4'], 'token'),
    concept('c:nerv', 'NeRV', ['b1', 'b2', 'b3', 'b4'], 'acronym'),
    concept('c:dl', 'deep learning', ['a1', 'a2', 'b1', 'b2']),
  ];

  it('names a cluster by its distinctive concepts, not the ones shared everywhere', () => {
    const clusters = nameClusters(concepts, clustering);
    expect(clusters[a]!.label).toBe('KV cache · INT4');
    expect(clusters[a]!.top).not.toContain('c:nerv');
    expect(clusters[clustering.ofPaper.get('b1')!]!.label.startsWith('NeRV')).toBe(true);
    expect(clusters[clustering.unclustered]).toMatchObject({ label: 'Unclustered papers', color: OTHER_COLOR, size: 1 });
  });

  it('does not name a cluster twice over: "convolutional network" adds nothing to "convolutional neural network"', () => {
    const named = nameClusters(
      [
        concept('c:cnn', 'convolutional neural network', ['a1', 'a2', 'a3']),
        concept('c:cn', 'convolutional network', ['a1', 'a2']),
        concept('c:int4', 'INT4', ['a1', 'a4'], 'token'),
      ],
      clustering,
    );
    expect(named[a]!.label).toBe('convolutional neural network · INT4');
  });

  it('counts each cluster\'s papers and gives distinct colours', () => {
    const clusters = nameClusters(concepts, clustering);
    expect(clusters.map((c) => c.size).reduce((s, n) => s + n, 0)).toBe(keys.length);
    const colors = clusters.filter((c) => c.id !== clustering.unclustered).map((c) => c.color);
    expect(new Set(colors).size).toBe(colors.length);
  });

  it('puts a concept in the cluster where most of its papers are', () => {
    expect(clusterOfConcept(concepts[0]!.papers, clustering)).toBe(a);
    expect(clusterOfConcept(concepts[2]!.papers, clustering)).toBe(clustering.ofPaper.get('b1'));
  });
});

describe('topic colours', () => {
  it('give dozens of topics distinct colours, none of them the unclustered grey', () => {
    const colors = Array.from({ length: 60 }, (_, id) => topicColor(id));
    expect(new Set(colors).size).toBe(60);
    expect(colors).not.toContain(OTHER_COLOR);
    expect(colors.slice(0, 10)).toEqual([...schemeTableau10]);
    // Past Tableau 10 the colours are not washed out: each has a clear hue.
    for (const c of colors.slice(10)) expect(hcl(c).c).toBeGreaterThan(30);
    // And far apart: every added colour at least ΔE 20 (CIE76) from the others of a 21-topic map, 12 of a 60-topic one.
    const distance = (x: string, y: string): number => {
      const [p, q] = [lab(x), lab(y)];
      return Math.hypot(p.l - q.l, p.a - q.a, p.b - q.b);
    };
    const nearest = (n: number): number =>
      Math.min(...colors.slice(10, n).flatMap((c, i) => colors.slice(0, n).filter((_, j) => j !== i + 10).map((d) => distance(c, d))));
    expect(nearest(21)).toBeGreaterThan(20);
    expect(nearest(60)).toBeGreaterThan(12);
  });
});
