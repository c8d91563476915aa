// Cluster stage: Louvain communities (Blondel et al. 2008), seeded, on the paper–paper relatedness graph. Papers with
// no related paper share one "unclustered" group rather than each making a legend entry of its own.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { randomLcg } from 'd3';
import type { RelatedPaper } from '../../src/contract/types.ts';

export interface ClusterOptions {
  seed: number;
  resolution: number;
}

export interface Clustering {
  /** Cluster id of every paper; ids are 0..count-1, biggest cluster first; the unclustered group (if any) is last. */
  ofPaper: Map<string, number>;
  count: number;
  /** Id of the group of papers related to nothing, or -1. */
  unclustered: number;
}

export function clusterPapers(paperKeys: string[], related: Map<string, RelatedPaper[]>, options: ClusterOptions): Clustering {
  const graph = new Graph({ type: 'undirected' });
  for (const p of paperKeys) graph.addNode(p);
  // One edge per related pair, made by whichever of its papers comes first; its weight is the higher of the two scores.
  // Whether the other paper lists this one too is read from its (short) list, not asked of the graph.
  const at = new Map(paperKeys.map((k, i) => [k, i]));
  paperKeys.forEach((p, i) => {
    for (const r of related.get(p) ?? []) {
      const j = at.get(r.key);
      if (j === undefined) continue;
      const back = j < i ? related.get(r.key)?.find((b) => b.key === p) : undefined;
      if (!back) graph.addEdge(p, r.key, { weight: r.score });
      else if (back.score < r.score) graph.setEdgeAttribute(r.key, p, 'weight', r.score);
    }
  });
  const raw = graph.size > 0 ? louvain(graph, { rng: randomLcg(options.seed), resolution: options.resolution, getEdgeWeight: 'weight' }) : {};

  const members = new Map<number, string[]>();
  const lonely: string[] = [];
  for (const p of paperKeys) {
    const c = raw[p];
    if (c === undefined || graph.degree(p) === 0) lonely.push(p);
    else {
      const list = members.get(c);
      if (list) list.push(p);
      else members.set(c, [p]);
    }
  }
  // Communities of one paper are not clusters.
  for (const [c, list] of [...members]) if (list.length < 2) (lonely.push(...list), members.delete(c));
  const groups = [...members.values()].map((l) => l.sort()).sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const ofPaper = new Map<string, number>();
  groups.forEach((list, id) => list.forEach((p) => ofPaper.set(p, id)));
  const unclustered = lonely.length ? groups.length : -1;
  for (const p of lonely) ofPaper.set(p, unclustered);
  return { ofPaper, count: groups.length + (lonely.length ? 1 : 0), unclustered };
}

/** Votes per cluster, reused from one concept to the next (a big map has tens of thousands of concepts). */
let votes = new Float64Array(0);

/** A concept's cluster: the one where most of its (weighted) papers are; ties go to the lower id. */
export function clusterOfConcept(papers: Map<string, { weight: number }>, clustering: Clustering): number {
  if (votes.length < clustering.count) votes = new Float64Array(clustering.count);
  const voted: number[] = [];
  for (const [p, link] of papers) {
    const c = clustering.ofPaper.get(p);
    if (c === undefined || c === clustering.unclustered) continue;
    if (votes[c] === 0) voted.push(c);
    votes[c] = votes[c]! + 1 + Math.log1p(link.weight);
  }
  let best = clustering.unclustered >= 0 ? clustering.unclustered : 0;
  let bestVotes = -1;
  for (const c of voted.sort((a, b) => a - b)) {
    if (votes[c]! > bestVotes) ((best = c), (bestVotes = votes[c]!));
    votes[c] = 0;
  }
  return best;
}
