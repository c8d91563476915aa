// The layout at scale: the typed-array ForceAtlas2 + noverlap give the graphology libraries' positions on small graphs,
// bit for bit, and ForceAtlas2 with Barnes-Hut the library's on large ones; the fine grid finds the same overlaps; the iteration count depends on the graph, not a clock.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
// @ts-expect-error: the library's internals have no types
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
// @ts-expect-error: the library's internals have no types
import libraryIterate from 'graphology-layout-forceatlas2/iterate.js';
import { randomLcg } from 'd3';
import { describe, expect, it } from 'vitest';
import { BARNES_HUT_THETA, iterationsFor, layoutIterations, msPerIteration } from '../../scripts/pipeline/layout-budget.ts';
import { layout, type LayoutEdge, type LayoutNode } from '../../scripts/pipeline/layout.ts';
import { removeOverlaps } from '../../scripts/pipeline/noverlap.ts';
import { forceAtlas2 as runForceAtlas2, PPN } from '../../scripts/pipeline/parallel/forceatlas2.ts';
import { startRepulsionPool } from '../../scripts/pipeline/parallel/repulsion.ts';

function randomGraph(order: number, size: number, seed: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const rng = randomLcg(seed);
  const nodes = Array.from({ length: order }, (_, i) => ({ key: `n${i}`, cluster: i % 5, size: 2 + Math.round(rng() * 1000) / 100 }));
  const edges: LayoutEdge[] = [];
  for (let e = 0; e < size; e++) {
    const a = Math.floor(rng() * order);
    const b = Math.floor(rng() * order);
    if (a === b) continue;
    edges.push({ source: `n${a}`, target: `n${b}`, weight: 1 + Math.round(rng() * 500) / 100 });
    // Some pairs twice, in the other direction: their weights add up on one edge.
    if (e % 7 === 0) edges.push({ source: `n${b}`, target: `n${a}`, weight: 2 });
  }
  edges.push({ source: 'n0', target: 'missing', weight: 1 });
  return { nodes, edges };
}

/** The layout as it was computed with graphology before (same seeded start, settings and libraries). */
function graphologyLayout(nodes: LayoutNode[], edges: LayoutEdge[], clusterCount: number, seed: number, iterations: number): Map<string, { x: number; y: number }> {
  const rng = randomLcg(seed);
  const graph = new Graph({ type: 'undirected' });
  const radius = 100 * Math.sqrt(Math.max(nodes.length, 1));
  for (const n of nodes) {
    const angle = (2 * Math.PI * n.cluster) / Math.max(clusterCount, 1);
    graph.addNode(n.key, { x: Math.cos(angle) * radius * 0.5 + (rng() - 0.5) * radius * 0.5, y: Math.sin(angle) * radius * 0.5 + (rng() - 0.5) * radius * 0.5, size: n.size });
  }
  for (const e of edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    if (graph.hasEdge(e.source, e.target)) graph.updateEdgeAttribute(e.source, e.target, 'weight', (w: number | undefined) => (w ?? 0) + e.weight);
    else graph.addEdge(e.source, e.target, { weight: e.weight });
  }
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: 'weight',
    settings: { ...settings, linLogMode: false, outboundAttractionDistribution: true, adjustSizes: false, barnesHutOptimize: graph.order > 2000, gravity: 1, scalingRatio: 10, edgeWeightInfluence: 1 },
  });
  noverlap.assign(graph, { maxIterations: 200, settings: { margin: 2, ratio: 1.2, expansion: 1.1 } });
  const out = new Map<string, { x: number; y: number }>();
  graph.forEachNode((key, a) => out.set(key, { x: Math.round((a.x as number) * 100) / 100, y: Math.round((a.y as number) * 100) / 100 }));
  return out;
}

describe('satellites', () => {
  it('lands each satellite beside the papers it is tied to, and leaves the rest of the map as it was', () => {
    const { nodes, edges } = randomGraph(300, 900, 11);
    // Twenty small concepts, each tied to two random nodes of the map.
    const rng = randomLcg(5);
    const satellites: LayoutNode[] = Array.from({ length: 20 }, (_, i) => ({ key: `s${i}`, cluster: 0, size: 3, satellite: true }));
    const ties: LayoutEdge[] = satellites.flatMap((s) => [0, 1].map(() => ({ source: `n${Math.floor(rng() * 300)}`, target: s.key, weight: 1 })));
    const without = layout(nodes, edges, 5, { seed: 42, iterations: 60 });
    const withThem = layout([...nodes, ...satellites], [...edges, ...ties], 5, { seed: 42, iterations: 60 });
    // The core is laid out without them (overlap removal may nudge a few nodes a little).
    const moved = nodes.filter((n) => Math.hypot(without.get(n.key)!.x - withThem.get(n.key)!.x, without.get(n.key)!.y - withThem.get(n.key)!.y) > 20);
    expect(moved.length).toBeLessThan(nodes.length / 20);
    const span = Math.max(...[...without.values()].map((p) => Math.hypot(p.x, p.y)));
    for (const s of satellites) {
      const [a, b] = ties.filter((t) => t.target === s.key).map((t) => withThem.get(t.source)!);
      const at = withThem.get(s.key)!;
      expect(Math.hypot(at.x - (a!.x + b!.x) / 2, at.y - (a!.y + b!.y) / 2)).toBeLessThan(span / 10);
    }
  });
});

describe('layout on typed arrays', () => {
  it('gives the positions graphology-layout-forceatlas2 and -noverlap gave, bit for bit', () => {
    const { nodes, edges } = randomGraph(300, 900, 7);
    const ours = layout(nodes, edges, 5, { seed: 42, iterations: 60 });
    const theirs = graphologyLayout(nodes, edges, 5, 42, 60);
    expect([...ours]).toEqual([...theirs]);
  });

  // Above NOVERLAP_FINE_FROM nodes the overlap removal works on its own finer grid, so ForceAtlas2 is compared alone.
  it("gives the library's ForceAtlas2 positions with Barnes-Hut too, at the build's θ and at the library's", () => {
    const { nodes, edges } = randomGraph(2600, 6000, 11);
    const graph = new Graph({ type: 'undirected' });
    const rng = randomLcg(4);
    for (const n of nodes) graph.addNode(n.key, { x: rng() * 1000, y: rng() * 1000, size: n.size });
    for (const e of edges) if (graph.hasNode(e.source) && graph.hasNode(e.target) && !graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { weight: e.weight });
    for (const theta of [BARNES_HUT_THETA, 0.5]) {
      const settings = { barnesHutTheta: theta, strongGravityMode: true, slowDown: 1 + Math.log(graph.order), linLogMode: false, outboundAttractionDistribution: true, adjustSizes: false, barnesHutOptimize: true, gravity: 1, scalingRatio: 10, edgeWeightInfluence: 1 };
      const { nodes: start, edges: matrix } = graphToByteArrays(graph, (_: string, a: { weight: number }) => a.weight) as { nodes: Float32Array; edges: Float32Array };
      const theirs = new Float32Array(start);
      for (let i = 0; i < 8; i++) libraryIterate(settings, theirs, matrix);
      const ours = new Float32Array(start);
      const count = matrix.length / 3;
      const at = (k: number): Int32Array => Int32Array.from({ length: count }, (_, e) => matrix[3 * e + k]!);
      runForceAtlas2(settings, ours, at(0), at(1), Float32Array.from({ length: count }, (_, e) => matrix[3 * e + 2]!), 8);
      expect(ours).toEqual(theirs);
      expect(ours).not.toEqual(start);
    }
  });

  it('gives the same ForceAtlas2 positions, bit for bit, when worker threads share the repulsion', () => {
    const { nodes, edges } = randomGraph(3000, 9000, 17);
    const order = nodes.length;
    const index = new Map(nodes.map((n, i) => [n.key, i]));
    const kept = edges.filter((e) => index.has(e.source) && index.has(e.target));
    const source = Int32Array.from(kept, (e) => index.get(e.source)! * PPN);
    const target = Int32Array.from(kept, (e) => index.get(e.target)! * PPN);
    const weight = Float32Array.from(kept, (e) => e.weight);
    const start = (shared: boolean): Float32Array => {
      const m = new Float32Array(shared ? new SharedArrayBuffer(order * PPN * 4) : new ArrayBuffer(order * PPN * 4));
      nodes.forEach((n, i) => m.set([Math.cos(i) * 500, Math.sin(i * 1.7) * 500, 0, 0, 0, 0, 1, 1, n.size, 0], i * PPN));
      kept.forEach((e, k) => ((m[source[k]! + 6]! += e.weight), (m[target[k]! + 6]! += e.weight)));
      return m;
    };
    const settings = { barnesHutTheta: 0.5, strongGravityMode: true, slowDown: 1 + Math.log(order), linLogMode: false, outboundAttractionDistribution: true, adjustSizes: false, barnesHutOptimize: true, gravity: 1, scalingRatio: 10, edgeWeightInfluence: 1 };
    const alone = start(false);
    runForceAtlas2(settings, alone, source, target, weight, 20);
    const shared = start(true);
    const pool = startRepulsionPool(3, shared, settings.scalingRatio, settings.barnesHutTheta ** 2);
    try {
      expect(pool.waitReady(30_000)).toBe(true);
      runForceAtlas2(settings, shared, source, target, weight, 20, pool.repulsion);
      expect(pool.workerChunks()).toBeGreaterThan(0);
    } finally {
      pool.close();
    }
    expect(shared).toEqual(alone);
  }, 60_000);

  it('gives the same positions when worker threads share the repulsion', () => {
    const { nodes, edges } = randomGraph(2600, 6000, 13);
    const one = layout(nodes, edges, 5, { seed: 3, iterations: 25, threads: 1 });
    const three = layout(nodes, edges, 5, { seed: 3, iterations: 25, threads: 3 });
    expect([...three]).toEqual([...one]);
  }, 60_000);

  it('removes overlaps like graphology-layout-noverlap on a crowded small graph', () => {
    const rng = randomLcg(3);
    const graph = new Graph();
    const matrix = new Float32Array(500 * 3);
    for (let i = 0; i < 500; i++) {
      const [x, y, size] = [rng() * 200, rng() * 200, 1 + rng() * 8];
      graph.addNode(String(i), { x, y, size });
      matrix.set([x, y, size], i * 3);
    }
    noverlap.assign(graph, { maxIterations: 200, settings: { margin: 2, ratio: 1.2, expansion: 1.1 } });
    removeOverlaps(matrix, { maxIterations: 200, margin: 2, ratio: 1.2, expansion: 1.1, speed: 3 }, rng);
    graph.forEachNode((key, a) => {
      const i = Number(key);
      expect([matrix[i * 3], matrix[i * 3 + 1]]).toEqual([Math.fround(a.x as number), Math.fround(a.y as number)]);
    });
  });

  it('finds the same colliding pairs with its fine grid on a large graph, and separates its nodes the same way every time', () => {
    const N = 6000;
    const make = (): Float32Array => {
      const rng = randomLcg(5);
      const m = new Float32Array(N * 3);
      for (let i = 0; i < N; i++) m.set([rng() * 3000, rng() * 3000, 2 + rng() * 6], i * 3);
      return m;
    };
    const overlaps = (m: Float32Array): number => {
      let n = 0;
      for (let i = 0; i < N; i++)
        for (let j = i + 1; j < N; j++) {
          const d = Math.hypot(m[i * 3]! - m[j * 3]!, m[i * 3 + 1]! - m[j * 3 + 1]!);
          if (d < m[i * 3 + 2]! * 1.2 + 2 + m[j * 3 + 2]! * 1.2 + 2) n++;
        }
      return n;
    };
    // One iteration: exactly the library's moves (same pairs found, same sums).
    const one = make();
    removeOverlaps(one, { maxIterations: 1, margin: 2, ratio: 1.2, expansion: 1.1, speed: 3 }, randomLcg(1));
    const graph = new Graph();
    const start = make();
    for (let i = 0; i < N; i++) graph.addNode(String(i), { x: start[i * 3], y: start[i * 3 + 1], size: start[i * 3 + 2] });
    noverlap.assign(graph, { maxIterations: 1, settings: { margin: 2, ratio: 1.2, expansion: 1.1 } });
    graph.forEachNode((key, a) => {
      const i = Number(key);
      expect([one[i * 3], one[i * 3 + 1]]).toEqual([Math.fround(a.x as number), Math.fround(a.y as number)]);
    });
    // All iterations: nearly every overlap gone (the library leaves the same few after 200), deterministically.
    const before = overlaps(make());
    const a = make();
    removeOverlaps(a, { maxIterations: 200, margin: 2, ratio: 1.2, expansion: 1.1, speed: 3 }, randomLcg(1));
    expect(before).toBeGreaterThan(1000);
    expect(overlaps(a)).toBeLessThan(before / 20);
    const b = make();
    removeOverlaps(b, { maxIterations: 200, margin: 2, ratio: 1.2, expansion: 1.1, speed: 3 }, randomLcg(1));
    expect(b).toEqual(a);
  });

  it('stops removing overlaps on a big map once the colliding pairs stop falling', () => {
    // 6,000 nodes crowded into a square too small for them: the colliding pairs fall fast, then barely move.
    const N = 6000;
    const rng = randomLcg(9);
    const m = new Float32Array(N * 3);
    for (let i = 0; i < N; i++) m.set([rng() * 500, rng() * 500, 4 + rng() * 4], i * 3);
    const settings = { maxIterations: 200, margin: 2, ratio: 1.2, expansion: 1.1, speed: 3 };
    const first = removeOverlaps(m.slice(), { ...settings, maxIterations: 1 }, randomLcg(1));
    const run = removeOverlaps(m, settings, randomLcg(1));
    expect(run.iterations).toBeGreaterThan(10);
    expect(run.iterations).toBeLessThan(200);
    expect(run.collisions).toBeGreaterThan(0);
    expect(run.collisions).toBeLessThan(first.collisions / 2);
  });

  it('sizes ForceAtlas2 iterations from node and edge counts: all of them for small graphs, a time budget for large ones', () => {
    expect(layoutIterations(357, 1600)).toBe(iterationsFor(357));
    expect(layoutIterations(200_000, 3_000_000)).toBeLessThan(iterationsFor(200_000));
    expect(layoutIterations(200_000, 3_000_000)).toBeGreaterThanOrEqual(30);
    expect(layoutIterations(200_000, 3_000_000)).toBe(layoutIterations(200_000, 3_000_000));
    // Within the budget of the reference machine (25 s at most).
    expect(layoutIterations(200_000, 3_000_000) * msPerIteration(200_000, 3_000_000)).toBeLessThanOrEqual(25_000 + msPerIteration(200_000, 3_000_000) * 30);
  });
});
