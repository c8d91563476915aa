// Names clusters by their most distinctive concepts with a class-based TF-IDF (as in BERTopic, Grootendorst 2022):
// a concept names a cluster when many of the cluster's papers use it and few papers elsewhere do.
import { hcl, lab, schemeTableau10 } from 'd3';
import type { ClusterInfo } from '../../src/contract/types.ts';
import type { Clustering } from './cluster.ts';
import type { ConceptRecord } from './link.ts';

/** Tableau 10 stays legible on light and dark backgrounds; "unclustered" is grey. */
export const OTHER_COLOR = '#8c8c8c';

/** Colours a topic may get past Tableau 10: a grid of hues, two chromas and three lightness levels (all displayable). */
const CANDIDATES: string[] = [];
for (let h = 0; h < 360; h += 10)
  for (const l of [45, 60, 75])
    for (const c of [35, 50]) {
      const color = hcl(h, c, l);
      if (color.displayable()) CANDIDATES.push(color.formatHex());
    }

/** Topic colours so far: Tableau 10, then each next one the candidate farthest (in Lab) from all before it and the grey. */
const palette: string[] = [...schemeTableau10];
const labOf = (hex: string): [number, number, number] => {
  const c = lab(hex);
  return [c.l, c.a, c.b];
};
const taken = [...palette, OTHER_COLOR].map(labOf);

/**
 * The colour of topic `id`: Tableau 10 for the first ten; past them (a big corpus has dozens of topics) the colour
 * farthest from every one already given — 21 topics are then at least ΔE 26 apart (hues stepped round the circle gave
 * four reds at ΔE 10). Past the candidates, hues 242.5° apart at two lightness levels.
 */
export function topicColor(id: number): string {
  while (palette.length <= id && palette.length < CANDIDATES.length) {
    let best = '';
    let farthest = -1;
    for (const candidate of CANDIDATES) {
      if (palette.includes(candidate)) continue;
      const [l, a, b] = labOf(candidate);
      let nearest = Infinity;
      for (const [l2, a2, b2] of taken) nearest = Math.min(nearest, Math.hypot(l - l2, a - a2, b - b2));
      if (nearest > farthest) (farthest = nearest), (best = candidate);
    }
    palette.push(best);
    taken.push(labOf(best));
  }
  if (id < palette.length) return palette[id]!;
  const k = id - palette.length;
  return hcl((20 + k * 242.5) % 360, 45, k % 2 ? 70 : 55).formatHex();
}

/** Every word of `inner` is a word of `outer`. */
function wordsWithin(inner: string, outer: string): boolean {
  const words = new Set(outer.split(' '));
  return inner.split(' ').every((w) => words.has(w));
}

export function nameClusters(concepts: ConceptRecord[], clustering: Clustering, nameLength = 2): ClusterInfo[] {
  const size = new Array<number>(clustering.count).fill(0);
  for (const c of clustering.ofPaper.values()) size[c] = (size[c] ?? 0) + 1;
  const total = clustering.ofPaper.size;
  const avg = total / Math.max(1, clustering.count);

  // Papers of each concept per cluster, in one pass over the concept–paper links.
  const scored: Array<Array<{ c: ConceptRecord; score: number }>> = size.map(() => []);
  const inside = new Map<number, number>();
  for (const c of concepts) {
    inside.clear();
    for (const p of c.papers.keys()) {
      const id = clustering.ofPaper.get(p);
      if (id !== undefined) inside.set(id, (inside.get(id) ?? 0) + 1);
    }
    for (const [id, n] of inside) {
      const papers = size[id]!;
      if (id === clustering.unclustered || n < Math.min(2, papers)) continue;
      const score = (n / papers) * Math.log(1 + avg / c.papers.size) * (c.type === 'word' ? 0.8 : 1);
      scored[id]!.push({ c, score });
    }
  }

  return size.map((papers, id) => {
    const color = id === clustering.unclustered ? OTHER_COLOR : topicColor(id);
    if (id === clustering.unclustered) return { id, label: 'Unclustered papers', color, size: papers, top: [] };
    const ranked = scored[id]!.sort((a, b) => b.score - a.score || (a.c.key < b.c.key ? -1 : 1));
    const picked: ConceptRecord[] = [];
    for (const { c } of ranked) {
      // Skip a concept already named through a longer one ("KV cache" after "KV cache quantization", "convolutional
      // network" after "convolutional neural network"): one's words all among the other's.
      if (picked.some((p) => wordsWithin(c.id, p.id) || wordsWithin(p.id, c.id))) continue;
      picked.push(c);
      if (picked.length >= 5) break;
    }
    const label = picked.slice(0, nameLength).map((c) => c.label).join(' · ') || `Cluster ${id + 1}`;
    return { id, label, color, size: papers, top: picked.map((c) => c.key) };
  });
}
