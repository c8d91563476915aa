// Keeps the map a reader has learned: with an earlier graph's positions, known nodes start where they were and new
// nodes start at the centre of their known neighbours, so a rebuild with a day's new papers does not reshuffle it.
import { randomLcg } from 'd3';
import type { IndexedEdges } from './layout.ts';

export type Known = Map<string, { x: number; y: number }>;

/**
 * Starting positions for every node in `keys`: old ones kept, new ones next to their known neighbours when they have
 * any. The edges name their nodes by position in `keys`.
 */
export function startPositions(keys: string[], edges: IndexedEdges, previous: Known, seed: number): Known {
  const rng = randomLcg(seed);
  const sum = new Map<string, { x: number; y: number; n: number }>();
  const add = (node: string, other: string): void => {
    const p = previous.get(other);
    if (!p || previous.has(node)) return;
    const s = sum.get(node) ?? { x: 0, y: 0, n: 0 };
    sum.set(node, { x: s.x + p.x, y: s.y + p.y, n: s.n + 1 });
  };
  edges((a, b) => {
    add(keys[a]!, keys[b]!);
    add(keys[b]!, keys[a]!);
  });
  let extent = 1;
  for (const p of previous.values()) extent = Math.max(extent, Math.abs(p.x), Math.abs(p.y));
  const out: Known = new Map();
  for (const key of keys) {
    const old = previous.get(key);
    if (old) {
      out.set(key, old);
      continue;
    }
    const s = sum.get(key);
    if (!s) continue; // nothing known around it: the layout seeds it as usual
    const jitter = extent * 0.02;
    out.set(key, { x: s.x / s.n + (rng() - 0.5) * jitter, y: s.y / s.n + (rng() - 0.5) * jitter });
  }
  return out;
}

/** Share of `keys` that the earlier graph already had. */
export function knownShare(keys: string[], previous: Known): number {
  return keys.length ? keys.filter((k) => previous.has(k)).length / keys.length : 0;
}
