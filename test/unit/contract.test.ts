// The runtime validator the app runs after loading the graph file.
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/contract/validate.ts';

function tiny(): any {
  return {
    attributes: { schemaVersion: 1, clusters: [{ id: 0, label: 'KV cache', color: '#4e79a7', size: 2, top: ['c:kv'] }], build: { input: 'x.txt' } },
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [
      { key: 'p:a', attributes: { kind: 'paper', label: 'A', title: 'A', abstract: 'KV cache.', x: 0, y: 1, size: 5, color: '#000', cluster: 0, related: [{ key: 'p:b', score: 0.5, shared: ['c:kv'] }], terms: [] } },
      { key: 'p:b', attributes: { kind: 'paper', label: 'B', title: 'B', abstract: 'KV cache!', x: 1, y: 0, size: 5, color: '#000', cluster: 0, related: [], terms: [] } },
      { key: 'c:kv', attributes: { kind: 'concept', conceptType: 'phrase', label: 'KV cache', aliases: [], papers: 2, x: 2, y: 2, size: 3, color: '#000', cluster: 0 } },
    ],
    edges: [
      { key: 'p:a|c:kv', source: 'p:a', target: 'c:kv', attributes: { kind: 'mentions', weight: 1, titleSpans: [], abstractSpans: [[0, 8]] } },
      { key: 'p:b|c:kv', source: 'p:b', target: 'c:kv', attributes: { kind: 'mentions', weight: 1, titleSpans: [], abstractSpans: [[0, 8]] } },
    ],
  };
}

const errorsOf = (g: unknown): string[] => {
  const r = validateGraph(g);
  return r.ok ? [] : r.errors;
};

describe('validateGraph', () => {
  it('accepts a well-formed graph', () => {
    expect(errorsOf(tiny())).toEqual([]);
  });

  it('rejects other schema versions with a message naming the version', () => {
    const g = tiny();
    g.attributes.schemaVersion = 2;
    expect(errorsOf(g).join()).toMatch(/schemaVersion 2/);
  });

  it('rejects a dangling edge', () => {
    const g = tiny();
    g.edges[0].target = 'c:missing';
    expect(errorsOf(g).join()).toMatch(/dangling/);
  });

  it('rejects non-finite coordinates and unknown kinds', () => {
    const g = tiny();
    g.nodes[0].attributes.x = null;
    g.nodes[2].attributes.kind = 'author';
    const errors = errorsOf(g).join('\n');
    expect(errors).toMatch(/p:a.*finite/);
    expect(errors).toMatch(/unknown kind "author"/);
  });

  it('rejects a related entry pointing to a missing paper', () => {
    const g = tiny();
    g.nodes[0].attributes.related[0].key = 'p:zzz';
    expect(errorsOf(g).join()).toMatch(/missing paper "p:zzz"/);
  });

  it('never throws on junk', () => {
    for (const junk of [null, 1, 'x', [], { attributes: 1 }, { attributes: { schemaVersion: 1 }, nodes: 'x', edges: [] }, { __proto__: null }])
      expect(validateGraph(junk).ok).toBe(false);
  });
});
