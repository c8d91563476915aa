// The graph sigma draws. A map up to LOD.fullNodes nodes is drawn whole (every node and link); a bigger one is drawn at a
// level of detail: every paper, the most significant concepts (most papers, plus the concepts that name the topics),
// more of them as the camera zooms in, and whatever the reader is looking at (selection, filter); its links are drawn
// only for the focused neighbourhood (focus-edges.ts), since hundreds of thousands of lines only make a grey mat.
import Graph from 'graphology';
import type { AtlasNodeAttributes } from '../contract/types.ts';
import type { Atlas } from '../data/atlas.ts';
import type { Filters } from '../state/state.ts';

export const LOD = {
  /**
   * Maps with at most this many nodes and … A map drawn whole restyles every node and link on each hover: ~1.7 µs
   * apiece in headless Chromium here (25 ms for 1,000 papers, 95 ms for 3,000: 9,600 nodes and 41,000 links), so
   * beyond ~8,000 of them a hover takes longer than a frame.
   */
  fullNodes: 3_000,
  /** … at most this many links are drawn whole. */
  fullEdges: 6_000,
  /** Concepts drawn over the whole map: this many per paper (at least `minConcepts`). */
  conceptsPerPaper: 0.2,
  minConcepts: 500,
  /** Camera ratios (1 = whole map) below which 3× and 10× as many concepts are drawn. */
  zoomSteps: [0.45, 0.15] as const,
  zoomFactors: [3, 10] as const,
};

export interface DisplayEdge {
  weight: number;
  /** Colour of the link's paper (links take it when focused). */
  paperColor: string;
  source: string;
  target: string;
}

export type DisplayGraph = Graph<AtlasNodeAttributes, DisplayEdge>;

export interface Display {
  /** The graph to give sigma (replaced, not changed, when a reduced map shows other concepts: see `onReplace`). */
  readonly graph: DisplayGraph;
  /** True when the map is drawn at a level of detail (not every node and link). */
  readonly reduced: boolean;
  /** Whether a node is drawn now. */
  drawn(key: string): boolean;
  /** Σ π size² of the nodes drawn over the whole map (how crowded it is: map.ts draws a crowded map's nodes smaller). */
  readonly area: number;
  /** The concepts shown for this camera ratio and these pinned nodes; true when the drawn set changed. */
  update(ratio: number, pinned: Iterable<string>): boolean;
}

/** Concepts by significance: most papers first, then the topic-naming ones, then key (stable across builds). */
export function conceptRanking(atlas: Atlas): string[] {
  const naming = new Set(atlas.clusters.flatMap((c) => c.top));
  const keys = atlas.conceptKeys;
  const papers = keys.map((k) => atlas.concept(k)?.papers ?? 0);
  const names = keys.map((k) => (naming.has(k) ? 1 : 0));
  // Keys are sorted in the file, so the index breaks ties the same way every time.
  const order = Array.from(keys, (_, i) => i).sort((a, b) => papers[b]! - papers[a]! || names[b]! - names[a]! || a - b);
  return order.map((i) => keys[i]!);
}

/** Whether the map is drawn at a level of detail (then sigma draws no links: the focus layer draws a neighbourhood's). */
export function isReduced(atlas: Atlas): boolean {
  return atlas.keys.length > LOD.fullNodes || atlas.counts.links > LOD.fullEdges;
}

/**
 * Whether the first frame must wait for links that come after it: a map drawn whole shows them, and a shared view's
 * selection (its neighbourhood) or filters (which papers match, which concepts stay) are only right with them.
 */
export function needsLinksFirst(atlas: Atlas, view: { selected: string | null; filters: Pick<Filters, 'query' | 'hiddenClusters'> }): boolean {
  if (atlas.text.linksReady) return false;
  return !isReduced(atlas) || view.selected !== null || view.filters.query.trim() !== '' || view.filters.hiddenClusters.length > 0;
}

export function createDisplay(atlas: Atlas): Display {
  const reduced = isReduced(atlas);
  if (!reduced) {
    const graph: DisplayGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    for (const key of atlas.keys) graph.addNode(key, atlas.node(key)!);
    for (const key of atlas.paperKeys) {
      const color = atlas.paper(key)!.color;
      for (const m of atlas.mentions(key)) graph.addEdgeWithKey(m.key, m.paper, m.concept, { weight: m.edge.weight, paperColor: color, source: m.paper, target: m.concept });
    }
    return { graph, reduced, area: areaOf(graph), drawn: (key) => graph.hasNode(key), update: () => false };
  }

  const ranking = conceptRanking(atlas);
  const naming = new Set(atlas.clusters.flatMap((c) => c.top));
  const base = Math.max(LOD.minConcepts, Math.round(atlas.counts.papers * LOD.conceptsPerPaper));
  const countFor = (ratio: number): number => {
    let factor = 1;
    LOD.zoomSteps.forEach((step, i) => {
      if (ratio < step) factor = LOD.zoomFactors[i]!;
    });
    return Math.min(ranking.length, base * factor);
  };
  let shown = new Set<string>();
  const build = (count: number, pinned: Iterable<string>): Set<string> => {
    const set = new Set<string>(ranking.slice(0, count));
    for (const k of naming) set.add(k);
    for (const k of pinned) if (atlas.concept(k)) set.add(k);
    return set;
  };
  let graph: DisplayGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const fill = (concepts: Set<string>): DisplayGraph => {
    const g: DisplayGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    // Concepts first: papers (filled discs) are drawn over the rings around them.
    for (const key of atlas.keys) if (atlas.node(key)!.kind === 'paper' || concepts.has(key)) g.addNode(key, atlas.node(key)!);
    return g;
  };
  shown = build(countFor(1), []);
  graph = fill(shown);
  const area = areaOf(graph);
  return {
    area,
    get graph() {
      return graph;
    },
    reduced,
    drawn: (key) => graph.hasNode(key),
    update(ratio, pinned) {
      const next = build(countFor(ratio), pinned);
      if (next.size === shown.size && [...next].every((k) => shown.has(k))) return false;
      shown = next;
      graph = fill(shown);
      return true;
    },
  };
}

function areaOf(graph: DisplayGraph): number {
  let area = 0;
  graph.forEachNode((_key, a) => {
    area += Math.PI * a.size * a.size;
  });
  return area;
}
