// Names clusters by their most distinctive concepts with a class-based TF-IDF (as in BERTopic, Grootendorst 2022):
// a concept names a cluster when many of the cluster's papers use it and few papers elsewhere do.
import { hcl, schemeTableau10 } from 'd3';
import type { ClusterInfo } from '../../src/contract/types.ts';
import type { Clustering } from './cluster.ts';
import type { ConceptRecord } from './link.ts';

/** Tableau 10 stays legible on light and dark backgrounds; "unclustered" is grey. */
export const OTHER_COLOR = '#8c8c8c';

/**
 * The colour of topic `id`: Tableau 10 for the first ten; past them (a big corpus has dozens of topics) hues 242.5°
 * apart at Tableau's chroma and two lightness levels, so neighbouring ids never look alike and none is grey. (Not the
 * golden angle: the layout starts topic patches on a golden-angle spiral, and the hues would then circle with it.)
 */
export function topicColor(id: number): string {
  if (id < schemeTableau10.length) return schemeTableau10[id]!;
  const k = id - schemeTableau10.length;
  return hcl((20 + k * 242.5) % 360, 45, k % 2 ? 70 : 55).formatHex();
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
      // Skip a concept already named through a longer one ("KV cache" after "KV cache quantization").
      if (picked.some((p) => p.id.includes(c.id) || c.id.includes(p.id))) continue;
      picked.push(c);
      if (picked.length >= 5) break;
    }
    const label = picked.slice(0, nameLength).map((c) => c.label).join(' · ') || `Cluster ${id + 1}`;
    return { id, label, color, size: papers, top: picked.map((c) => c.key) };
  });
}
