// Layout stage: ForceAtlas2 (Jacomy et al. 2014) on the paper–concept graph from seeded, cluster-grouped starting
// positions (never all zero), then overlap removal (noverlap) so nodes and labels do not sit on each other.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { randomLcg } from 'd3';
import type { RelatedPaper } from '../../src/contract/types.ts';

export interface LayoutNode {
  key: string;
  cluster: number;
  size: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
  weight: number;
}

export interface LayoutOptions {
  seed: number;
  /** 0 = sized to the graph. */
  iterations: number;
  /** Old positions to start from, so a rebuild with new papers keeps the map a reader has learned. */
  previous?: Map<string, { x: number; y: number }>;
}

export type Positions = Map<string, { x: number; y: number }>;

export function iterationsFor(order: number): number {
  return Math.max(100, Math.min(800, Math.round(20_000 / Math.sqrt(Math.max(order, 1)))));
}

export function layout(nodes: LayoutNode[], edges: LayoutEdge[], clusterCount: number, options: LayoutOptions): Positions {
  const rng = randomLcg(options.seed);
  const graph = new Graph({ type: 'undirected' });
  const radius = 100 * Math.sqrt(Math.max(nodes.length, 1));
  for (const n of nodes) {
    const old = options.previous?.get(n.key);
    const angle = (2 * Math.PI * n.cluster) / Math.max(clusterCount, 1);
    const x = old ? old.x : Math.cos(angle) * radius * 0.5 + (rng() - 0.5) * radius * 0.5;
    const y = old ? old.y : Math.sin(angle) * radius * 0.5 + (rng() - 0.5) * radius * 0.5;
    graph.addNode(n.key, { x, y, size: n.size });
  }
  for (const e of edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    if (graph.hasEdge(e.source, e.target)) graph.updateEdgeAttribute(e.source, e.target, 'weight', (w: number | undefined) => (w ?? 0) + e.weight);
    else graph.addEdge(e.source, e.target, { weight: e.weight });
  }
  if (graph.order > 1) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, {
      iterations: options.iterations || iterationsFor(graph.order),
      getEdgeWeight: 'weight',
      // Dissuading hubs (outbound attraction distribution) keeps shared concepts between their papers instead of
      // pulling every paper into one disc; measured on the seed: related/random distance 0.52 against 0.62 for LinLog.
      settings: { ...settings, linLogMode: false, outboundAttractionDistribution: true, adjustSizes: false, barnesHutOptimize: graph.order > 2000, gravity: 1, scalingRatio: 10, edgeWeightInfluence: 1 },
    });
    noverlap.assign(graph, { maxIterations: 200, settings: { margin: 2, ratio: 1.2, expansion: 1.1 } });
  }
  const out: Positions = new Map();
  graph.forEachNode((key, a) => out.set(key, { x: round(a.x as number), y: round(a.y as number) }));
  return out;
}

const round = (v: number): number => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0);

/** Mean distance between related papers over mean distance between random paper pairs: lower is better grouping. */
export function layoutQuality(positions: Positions, related: Map<string, RelatedPaper[]>, seed: number): number {
  const dist = (a: string, b: string): number | undefined => {
    const p = positions.get(a);
    const q = positions.get(b);
    return p && q ? Math.hypot(p.x - q.x, p.y - q.y) : undefined;
  };
  let relSum = 0;
  let relN = 0;
  for (const [p, list] of related)
    for (const r of list) {
      const d = dist(p, r.key);
      if (d !== undefined) ((relSum += d), relN++);
    }
  const papers = [...related.keys()];
  if (relN === 0 || papers.length < 2) return 0;
  const rng = randomLcg(seed);
  let randSum = 0;
  let randN = 0;
  for (let i = 0; i < 2000; i++) {
    const a = papers[Math.floor(rng() * papers.length)]!;
    const b = papers[Math.floor(rng() * papers.length)]!;
    if (a === b) continue;
    randSum += dist(a, b) ?? 0;
    randN++;
  }
  return randN && randSum ? Math.round((relSum / relN / (randSum / randN)) * 1000) / 1000 : 0;
}
