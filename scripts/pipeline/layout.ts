// Layout stage: ForceAtlas2 (Jacomy et al. 2014) on the paper–concept graph from seeded, cluster-grouped starting
// positions (never all zero), then overlap removal (noverlap) so nodes and labels do not sit on each other.
//
// Both run on flat typed arrays rather than a graphology graph: building a graph of a million edges costs seconds;
// graphology-layout-forceatlas2 builds its Barnes-Hut tree in a fresh JavaScript array every iteration (garbage that
// makes collections of a large heap slow); and graphology-layout-noverlap's iteration hashes every pair of nodes
// sharing a cell of a fixed 20×20 grid into a Set of strings (quadratic in a cell's population: 90 s on 16,000 nodes).
// ForceAtlas2 is ported in ./parallel/forceatlas2.ts and noverlap in ./noverlap.ts, with the libraries' arithmetic: on graphs of
// up to NOVERLAP_FINE_FROM nodes the positions are the ones the graphology versions gave, bit for bit.
import { randomLcg } from 'd3';
import type { RelatedPaper } from '../../src/contract/types.ts';
import { BARNES_HUT_FROM, BARNES_HUT_THETA, layoutIterations } from './layout-budget.ts';
import { removeOverlaps } from './noverlap.ts';
import { forceAtlas2, PPN, type Fa2Settings } from './parallel/forceatlas2.ts';
import { defaultLayoutThreads, startRepulsionPool } from './parallel/repulsion.ts';

export interface LayoutNode {
  key: string;
  cluster: number;
  size: number;
  /**
   * Placed after ForceAtlas2 rather than by it: at the weighted mean of its neighbours, with a seeded jitter. For the
   * many concepts of a big map that only a few papers share, where ForceAtlas2 would put them anyway — between those
   * papers — at a cost per node and iteration.
   */
  satellite?: boolean;
}

export interface LayoutEdge {
  source: string;
  target: string;
  weight: number;
  /** No other edge joins these two nodes (either way round): the layout need not look for one. */
  unique?: boolean;
}

export interface LayoutOptions {
  seed: number;
  /** 0 = sized to the graph. */
  iterations: number;
  /** Old positions to start from, so a rebuild with new papers keeps the map a reader has learned. */
  previous?: Map<string, { x: number; y: number }>;
  /** Threads for ForceAtlas2's repulsion (default: 2 on big graphs). Never changes the positions. */
  threads?: number;
}

export type Positions = Map<string, { x: number; y: number }>;

/**
 * From this many nodes, concepts shared by at most SATELLITE_MAX_PAPERS papers are satellites (see LayoutNode): on the
 * 4,820 ML abstracts that takes 7,000 of 15,700 nodes out of ForceAtlas2.
 */
export const SATELLITES_FROM = 5000;
export const SATELLITE_MAX_PAPERS = 3;

/**
 * Where a cluster's nodes start: centre and width of the square they are scattered over. Up to ten clusters sit as
 * sectors of a ring, overlapping a little; more clusters (a big corpus has dozens) start as separate patches on a
 * sunflower spiral — ForceAtlas2 gets few iterations on a big map, and from overlapping sectors it would leave the
 * topics mixed.
 */
function clusterStart(cluster: number, clusterCount: number, radius: number): [x: number, y: number, spread: number] {
  if (clusterCount <= 10) {
    const angle = (2 * Math.PI * cluster) / Math.max(clusterCount, 1);
    return [Math.cos(angle) * radius * 0.5, Math.sin(angle) * radius * 0.5, radius * 0.5];
  }
  const r = radius * 0.9 * Math.sqrt((cluster + 0.5) / clusterCount);
  const angle = cluster * 2.399963; // the golden angle
  return [Math.cos(angle) * r, Math.sin(angle) * r, (radius * 1.4) / Math.sqrt(clusterCount)];
}

/**
 * Edges by node position (in the `nodes` given to the layout): the caller hands each to `visit`. For a big map whose
 * caller knows the positions — millions of edges, each an object and two key lookups otherwise.
 */
export type IndexedEdges = (visit: (source: number, target: number, weight: number, unique: boolean) => void) => void;

export function layout(nodes: LayoutNode[], edges: Iterable<LayoutEdge>, clusterCount: number, options: LayoutOptions): Positions {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.key, i));
  const indexed: IndexedEdges = (visit) => {
    for (const e of edges) {
      const a = index.get(e.source);
      const b = index.get(e.target);
      if (a !== undefined && b !== undefined) visit(a, b, e.weight, e.unique === true);
    }
  };
  return layoutIndexed(nodes, indexed, clusterCount, options);
}

/** `layout` with the edges given by node position. */
export function layoutIndexed(nodes: LayoutNode[], edges: IndexedEdges, clusterCount: number, options: LayoutOptions): Positions {
  const rng = randomLcg(options.seed);
  const index = new Map<string, number>();
  const keys: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const sizes: number[] = [];
  // The start spreads the nodes ForceAtlas2 moves (satellites are placed later).
  const radius = 100 * Math.sqrt(Math.max(nodes.filter((n) => !n.satellite).length, 1));
  for (const n of nodes) {
    if (index.has(n.key)) throw new Error(`layout: the node "${n.key}" is given twice`);
    const old = options.previous?.get(n.key);
    const [cx, cy, spread] = clusterStart(n.cluster, clusterCount, radius);
    index.set(n.key, keys.length);
    keys.push(n.key);
    xs.push(old ? old.x : cx + (rng() - 0.5) * spread);
    ys.push(old ? old.y : cy + (rng() - 0.5) * spread);
    sizes.push(n.size);
  }
  const all = keys.length;
  const out: Positions = new Map();
  if (all <= 1) {
    keys.forEach((key, i) => out.set(key, { x: round(xs[i]!), y: round(ys[i]!) }));
    return out;
  }
  // ForceAtlas2 runs on the core nodes (everything but satellites): `core[i]` is the node of the i-th core slot.
  const core: number[] = [];
  const slot = new Int32Array(all).fill(-1);
  nodes.forEach((n, i) => {
    if (!n.satellite) slot[i] = core.push(i) - 1;
  });
  const order = core.length;

  // One edge per pair of nodes, as in a simple undirected graph: the first of (a, b) and (b, a) keeps its orientation
  // (it matters: hub dissuasion divides by the source's mass) and the weights of both are summed. Edges of satellites
  // are kept aside for placing them.
  const pairs = new Map<number, number>();
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  const tethers: Array<[satellite: number, anchor: number, weight: number]> = [];
  edges((a, b, w, unique) => {
    const s = slot[a]!;
    const t = slot[b]!;
    if (s < 0 || t < 0) {
      if (s < 0 && t >= 0) tethers.push([a, b, w]);
      else if (t < 0 && s >= 0) tethers.push([b, a, w]);
      return;
    }
    if (unique) {
      source.push(s);
      target.push(t);
      weight.push(w);
      return;
    }
    const pair = s < t ? s * order + t : t * order + s;
    const at = pairs.get(pair);
    if (at === undefined) {
      pairs.set(pair, source.length);
      source.push(s);
      target.push(t);
      weight.push(w);
    } else weight[at] = weight[at]! + w;
  });
  pairs.clear();

  const threads = settingsThreads(options.threads, order);
  const nodeMatrix = new Float32Array(threads > 1 ? new SharedArrayBuffer(order * PPN * 4) : new ArrayBuffer(order * PPN * 4));
  for (let i = 0; i < order; i++) {
    const j = i * PPN;
    const n = core[i]!;
    nodeMatrix[j] = xs[n]!;
    nodeMatrix[j + 1] = ys[n]!;
    nodeMatrix[j + 6] = 1; // mass: 1 + weighted degree
    nodeMatrix[j + 7] = 1; // convergence
    nodeMatrix[j + 8] = sizes[n] || 1;
  }
  // Edges as node-matrix offsets and Float32 weights, as the library's edge matrix holds them.
  const sourceAt = new Int32Array(source.length);
  const targetAt = new Int32Array(source.length);
  const weightOf = new Float32Array(source.length);
  for (let e = 0; e < source.length; e++) {
    const w = Number.isNaN(weight[e]) ? 1 : weight[e]!;
    sourceAt[e] = source[e]! * PPN;
    targetAt[e] = target[e]! * PPN;
    weightOf[e] = w;
    nodeMatrix[sourceAt[e]! + 6]! += w;
    nodeMatrix[targetAt[e]! + 6]! += w;
  }
  const settings: Fa2Settings = {
    // graphology-layout-forceatlas2's defaults and inferSettings, then ours.
    barnesHutTheta: BARNES_HUT_THETA,
    strongGravityMode: true,
    slowDown: 1 + Math.log(order),
    // Dissuading hubs (outbound attraction distribution) keeps shared concepts between their papers instead of
    // pulling every paper into one disc; measured on the seed: related/random distance 0.52 against 0.62 for LinLog.
    linLogMode: false,
    outboundAttractionDistribution: true,
    adjustSizes: false,
    barnesHutOptimize: order > BARNES_HUT_FROM,
    gravity: 1,
    scalingRatio: 10,
    edgeWeightInfluence: 1,
  };
  const iterations = options.iterations || layoutIterations(order, source.length);
  const pool = order > 1 && threads > 1 && settings.barnesHutOptimize ? startRepulsionPool(threads, nodeMatrix, settings.scalingRatio, settings.barnesHutTheta ** 2) : undefined;
  try {
    if (order > 1) forceAtlas2(settings, nodeMatrix, sourceAt, targetAt, weightOf, iterations, pool?.repulsion);
  } finally {
    pool?.close();
  }

  const matrix = new Float32Array(all * 3);
  for (let n = 0; n < all; n++) {
    matrix[n * 3] = xs[n]!;
    matrix[n * 3 + 1] = ys[n]!;
    matrix[n * 3 + 2] = sizes[n] || 1;
  }
  for (let i = 0; i < order; i++) {
    const n = core[i]!;
    matrix[n * 3] = nodeMatrix[i * PPN]!;
    matrix[n * 3 + 1] = nodeMatrix[i * PPN + 1]!;
  }
  placeSatellites(matrix, slot, tethers, rng);
  removeOverlaps(matrix, { maxIterations: 200, margin: 2, ratio: 1.2, expansion: 1.1, speed: 3 }, randomLcg(options.seed));
  keys.forEach((key, i) => out.set(key, { x: round(matrix[i * 3]!), y: round(matrix[i * 3 + 1]!) }));
  return out;
}

/**
 * Puts every satellite at the weighted mean of the core nodes it is tied to, nudged by a seeded jitter of up to twice
 * its size so satellites of the same papers do not start on one spot (overlap removal then separates them). A satellite
 * tied to nothing keeps its starting position. `matrix` holds x, y, size per node.
 */
function placeSatellites(matrix: Float32Array, slot: Int32Array, tethers: Array<[number, number, number]>, rng: () => number): void {
  const all = slot.length;
  const sx = new Float64Array(all);
  const sy = new Float64Array(all);
  const sw = new Float64Array(all);
  for (const [satellite, anchor, weight] of tethers) {
    const w = Number.isFinite(weight) && weight > 0 ? weight : 1;
    sx[satellite]! += w * matrix[anchor * 3]!;
    sy[satellite]! += w * matrix[anchor * 3 + 1]!;
    sw[satellite]! += w;
  }
  for (let n = 0; n < all; n++) {
    if (slot[n]! >= 0 || sw[n] === 0) continue;
    const reach = 2 * matrix[n * 3 + 2]!;
    const angle = 2 * Math.PI * rng();
    const r = reach * Math.sqrt(rng());
    matrix[n * 3] = sx[n]! / sw[n]! + r * Math.cos(angle);
    matrix[n * 3 + 1] = sy[n]! / sw[n]! + r * Math.sin(angle);
  }
}

const settingsThreads = (threads: number | undefined, order: number): number => Math.max(1, Math.floor(threads ?? defaultLayoutThreads(order)));

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
