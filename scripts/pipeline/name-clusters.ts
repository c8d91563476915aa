// Names clusters by their most distinctive concepts with a class-based TF-IDF (as in BERTopic, Grootendorst 2022):
// a concept names a cluster when many of the cluster's papers use it and few papers elsewhere do.
import { schemeTableau10 } from 'd3';
import type { ClusterInfo } from '../../src/contract/types.ts';
import type { Clustering } from './cluster.ts';
import type { ConceptRecord } from './link.ts';

/** Tableau 10 stays legible on light and dark backgrounds; clusters past the tenth and "unclustered" are grey. */
export const OTHER_COLOR = '#8c8c8c';

export function nameClusters(concepts: ConceptRecord[], clustering: Clustering, nameLength = 2): ClusterInfo[] {
  const size = new Array<number>(clustering.count).fill(0);
  for (const c of clustering.ofPaper.values()) size[c] = (size[c] ?? 0) + 1;
  const total = clustering.ofPaper.size;
  const avg = total / Math.max(1, clustering.count);

  return size.map((papers, id) => {
    const color = id === clustering.unclustered || id >= schemeTableau10.length ? OTHER_COLOR : schemeTableau10[id]!;
    if (id === clustering.unclustered) return { id, label: 'Unclustered papers', color, size: papers, top: [] };
    const scored: Array<{ c: ConceptRecord; score: number }> = [];
    for (const c of concepts) {
      let inside = 0;
      for (const p of c.papers.keys()) if (clustering.ofPaper.get(p) === id) inside++;
      if (inside < Math.min(2, papers)) continue;
      const tf = inside / papers;
      const score = tf * Math.log(1 + avg / c.papers.size) * (c.type === 'word' ? 0.8 : 1);
      scored.push({ c, score });
    }
    scored.sort((a, b) => b.score - a.score || (a.c.key < b.c.key ? -1 : 1));
    const picked: ConceptRecord[] = [];
    for (const { c } of scored) {
      // Skip a concept already named through a longer one ("KV cache" after "KV cache quantization").
      if (picked.some((p) => p.id.includes(c.id) || c.id.includes(p.id))) continue;
      picked.push(c);
      if (picked.length >= 5) break;
    }
    const label = picked.slice(0, nameLength).map((c) => c.label).join(' · ') || `Cluster ${id + 1}`;
    return { id, label, color, size: papers, top: picked.map((c) => c.key) };
  });
}
