// The emit stage's edges: keys made when read, serialized and ordered exactly as plain objects would be.
import { describe, expect, it } from 'vitest';
import { emitAtlas, PairEdge, type EmitEdge } from '../../scripts/pipeline/emit.ts';
import type { MentionEdgeAttributes } from '../../src/contract/types.ts';

const attributes = (weight: number): MentionEdgeAttributes => ({ kind: 'mentions', weight, titleSpans: [], abstractSpans: [[0, 4]] });

describe('PairEdge', () => {
  it('reads and serializes as the plain edge object, key first', () => {
    const edge = new PairEdge('p:a', 'c:kv-cache', attributes(2));
    const plain = { key: 'p:a|c:kv-cache', source: 'p:a', target: 'c:kv-cache', attributes: attributes(2), undirected: true };
    expect(edge.key).toBe(plain.key);
    expect(edge.undirected).toBe(true);
    expect(JSON.stringify(edge)).toBe(JSON.stringify(plain));
  });

  it('sorts by key like plain edges, also where one source is the start of another ("p:a" and "p:a-b")', () => {
    const pairs: Array<[string, string]> = [
      ['p:a-b', 'c:x'], ['p:a', 'c:z'], ['p:a', 'c:y'], ['p:ab', 'c:a'], ['p:a-b', 'c:a'], ['p:a', 'c:y-2'],
    ];
    const atlas = (edges: EmitEdge[]) => emitAtlas({ attributes: {} as never, nodes: [], edges });
    const fromPairs = atlas(pairs.map(([s, t], i) => new PairEdge(s, t, attributes(i))));
    const fromPlain = atlas(pairs.map(([s, t], i) => ({ key: `${s}|${t}`, source: s, target: t, attributes: attributes(i), undirected: true })));
    expect(fromPairs.edges.map((e) => e.key)).toEqual(fromPlain.edges.map((e) => e.key));
    expect(fromPlain.edges.map((e) => e.key)).toEqual(pairs.map(([s, t]) => `${s}|${t}`).sort());
    expect(JSON.stringify(fromPairs)).toBe(JSON.stringify(fromPlain));
  });
});
