// How much ForceAtlas2 a graph gets: Barnes-Hut's settings and the iteration count, from the graph's size alone (never
// a clock, so the same input gives the same layout).

/** Barnes-Hut (O(n log n) repulsion) above this many nodes, exact O(n²) repulsion below. */
export const BARNES_HUT_FROM = 2000;

/**
 * Barnes-Hut's θ: a region of the quadtree pushes as one body when its size is below θ times its distance. Gephi's
 * default is 1.2, graphology's 0.5. At 1.0 an iteration takes a third less time for the same map: related/random
 * distance 0.444 → 0.445 on the 4,820 ML abstracts (layout 1.25 → 0.82 s), 0.418 → 0.417 on the 20k corpus (6.8 →
 * 4.5 s); measured 2026-11-27.
 */
export const BARNES_HUT_THETA = 1.0;

/** Iterations for a graph of `order` nodes when time is no concern (100 to 800: small graphs settle slowly). */
export function iterationsFor(order: number): number {
  return Math.max(100, Math.min(800, Math.round(20_000 / Math.sqrt(Math.max(order, 1)))));
}

/**
 * Estimated milliseconds of one ForceAtlas2 iteration (one thread), from the graph's size only: Barnes-Hut repulsion
 * grows as n·log₂n, attraction with the edges, exact repulsion as n². Fitted on the project's 2-core VM (Node 20,
 * shared with other jobs) with θ = 0.5: 7.7 ms for 1,236 nodes (exact), 66–73 ms for 15,800 nodes and 101,000 edges,
 * 300–354 ms for 70,900 nodes and 580,000 edges. With BARNES_HUT_THETA at 1.0 an iteration takes about a third less;
 * the estimate is kept as it was, so a graph gets the iterations whose maps were measured (layoutBudgetMs).
 */
export function msPerIteration(order: number, size: number): number {
  if (order <= BARNES_HUT_FROM) return 5e-6 * order * order + 2e-5 * size;
  return 3.0e-4 * order * Math.log2(order) + 6e-5 * size;
}

/**
 * ForceAtlas2's time budget on that machine (one thread; repulsion on two threads takes about 60% of it): 2 s up to
 * 8,000 nodes, then 0.25 ms a node, at most 25 s. Related/random distance of the 4,820 ML abstracts (8,700 nodes in
 * ForceAtlas2, 7,000 satellites; lower is better) after 30, 40, 55 (the budget) and 80 iterations: 0.457, 0.448, 0.438,
 * 0.429 — each further iteration buys less.
 */
export function layoutBudgetMs(order: number): number {
  return Math.min(25_000, Math.max(2_000, order * 0.25));
}

/**
 * ForceAtlas2 iterations for a graph: `iterationsFor` while that fits the time budget, else as many as fit (at least
 * 30). It depends on the node and edge counts only — never on a clock — so the same input gives the same layout.
 */
export function layoutIterations(order: number, size: number): number {
  const wanted = iterationsFor(order);
  const fit = Math.floor(layoutBudgetMs(order) / msPerIteration(order, size));
  return Math.max(Math.min(wanted, 30), Math.min(wanted, fit));
}
