import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/contract/types.ts';
import { PairEdge } from '../../scripts/pipeline/emit.ts';
import { MentionLink, SpanPool } from '../../scripts/pipeline/mention-link.ts';

describe('MentionLink', () => {
  it('reads and serializes as the plain edge attributes, its spans kept apart from other links in one pool', () => {
    const pool = new SpanPool();
    const links: Array<[MentionLink, Span[], Span[]]> = [];
    // More spans than the pool's first block, so it grows while earlier links are still read from it.
    for (let i = 0; i < 700; i++) {
      const title: Span[] = i % 3 === 0 ? [[i, i + 2]] : [];
      const abstract: Span[] = [[10 * i, 10 * i + 4], [10 * i + 6, 10 * i + 9]].slice(0, 1 + (i % 2)) as Span[];
      links.push([new MentionLink(abstract.length + 2 * title.length, pool, title, abstract), title, abstract]);
    }
    for (const [link, title, abstract] of links) {
      expect(link.kind).toBe('mentions');
      expect(link.titleSpans).toEqual(title);
      expect(link.abstractSpans).toEqual(abstract);
      expect(JSON.parse(JSON.stringify(link))).toEqual({ kind: 'mentions', weight: abstract.length + 2 * title.length, titleSpans: title, abstractSpans: abstract });
      expect(link.jsonText()).toBe(JSON.stringify(link));
    }
  });

  it('writes its own JSON as JSON.stringify does, in an edge with keys that need escaping', () => {
    const pool = new SpanPool();
    const links = [new MentionLink(3, pool, [[0, 4]], [[5, 9], [12, 20]]), new MentionLink(0.5, pool, [], [])];
    for (const link of links)
      for (const [source, target] of <Array<[string, string]>>[['p:plain', 'c:plain'], ['p:"quoted" \\ back', 'c:\u2028 é \u0007'], ['p:\ud800', 'c:\udc00 lone']]) {
        const edge = new PairEdge(source, target, link);
        expect(edge.jsonText()).toBe(JSON.stringify(edge));
        expect(JSON.parse(edge.jsonText())).toEqual({ key: `${source}|${target}`, source, target, attributes: JSON.parse(JSON.stringify(link)), undirected: true });
      }
    const plain = new PairEdge('p:1', 'c:2', { kind: 'mentions', weight: 1, titleSpans: [[1, 2]], abstractSpans: [] });
    expect(plain.jsonText()).toBe(JSON.stringify(plain));
  });

  it('gives a new array on every read, so a reader cannot change the link', () => {
    const link = new MentionLink(1, new SpanPool(), [], [[3, 7]]);
    link.abstractSpans[0]![0] = 99;
    link.abstractSpans.push([1, 2]);
    expect(link.abstractSpans).toEqual([[3, 7]]);
  });
});
