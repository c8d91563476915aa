// Unit tests (plain node, no browser) of the explorer's pure parts on the built seed graph: URL state, search, filters, links, exports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeSite } from '../../src/contract/compact.ts';
import { createAtlas, type Atlas } from '../../src/data/atlas.ts';
import { findCodeLinks } from '../../src/data/code-links.ts';
import { deriveView } from '../../src/data/view.ts';
import { toBibtex } from '../../src/export/bibtex.ts';
import { toMarkdown } from '../../src/export/markdown.ts';
import { readingList } from '../../src/export/reading-list.ts';
import { createFilterResolver } from '../../src/filter/apply.ts';
import { focusOf } from '../../src/map/appearance.ts';
import { editDistance } from '../../src/search/fuzzy.ts';
import { buildIndex, closestConcept, search, type SearchIndex } from '../../src/search/search-index.ts';
import { initialState, noFilters, setClusterHidden, focusCluster } from '../../src/state/state.ts';
import { emptyUrlView, formatViewHash, parseViewHash } from '../../src/state/url.ts';

let atlas: Atlas;
let index: SearchIndex;

beforeAll(() => {
  // The seed graph the browser tests' global setup built.
  const site = resolve(import.meta.dirname, '../../.cache/test-site');
  const data = decodeSite((name) => JSON.parse(readFileSync(resolve(site, name), 'utf8')));
  atlas = createAtlas(data);
  index = buildIndex(atlas);
});

const concept = (label: string): string => {
  const key = atlas.conceptKeys.find((k) => atlas.concept(k)?.label === label);
  if (!key) throw new Error(`no concept ${label}`);
  return key;
};

describe('URL state', () => {
  test('round-trips a whole view', () => {
    const view = {
      selected: 'p:some paper/with?odd&chars=1#',
      filters: { query: 'INT4 AND "KV cache" NOT (a OR b)', hiddenClusters: [2, 5], kinds: 'papers' as const, minPapers: 3 },
      cluster: 1,
      search: 'quant & co',
      listView: true,
      camera: { x: 0.1234, y: -0.5, ratio: 0.25 },
      embed: true,
    };
    const hash = formatViewHash(view);
    expect(hash).toContain('hide=2,5');
    expect(hash).toContain('cam=0.1234,-0.5,0.25');
    expect(hash.endsWith('&embed')).toBe(true);
    expect(parseViewHash(hash)).toEqual(view);
    expect(formatViewHash(emptyUrlView)).toBe('');
    expect(parseViewHash('#embed').embed).toBe(true);
    expect(parseViewHash('', '?embed').embed).toBe(true);
    expect(parseViewHash('#node=p%3Aa').selected).toBe('p:a');
  });

  test('crafted or malformed hashes are dropped piece by piece, never thrown', () => {
    const v = parseViewHash('#node=%E0%A4%A&kind=<script>&min=-3&hide=1,x,2e9,3&cam=1,2,NaN&cluster=abc&f=' + 'a'.repeat(1000));
    expect(v.filters.kinds).toBe('both');
    expect(v.filters.minPapers).toBe(0);
    expect(v.filters.hiddenClusters).toEqual([1, 3]);
    expect(v.camera).toBeNull();
    expect(v.cluster).toBeNull();
    expect(v.filters.query.length).toBeLessThanOrEqual(300);
    expect(parseViewHash('#cam=1e308,0,1').camera).toBeNull();
    expect(parseViewHash('#cam=0.5,0.5,0').camera).toBeNull();
    expect(parseViewHash('#q=%00hi%1b').search).toBe(' hi ');
    for (const junk of ['#%', '#&&&', '#node', '#=x', '#node=' + 'x'.repeat(5000), '#\u202e']) expect(() => parseViewHash(junk)).not.toThrow();
  });
});

describe('search', () => {
  const first = (q: string): string | undefined => search(index, q, 9)[0]?.name;

  test('acronyms and aliases', () => {
    expect(first('INR')).toBe('INR');
    expect(first('implicit neural representations')).toBe('INR');
    expect(first('kv cache')).toBe('KV cache');
  });

  test('typo-tolerant', () => {
    expect(editDistance('trasnformer', 'transformer', 2)).toBe(1);
    expect(first('quantizaton')).toBe('quantization');
    expect(first('trasnformer')).toBe('transformer');
    // Short words and acronyms get no typo allowance: "INT5" is not INT4, "kv" is not "km".
    expect(search(index, 'INT5', 9).some((h) => h.name === 'INT4')).toBe(false);
    expect(first('zzqqxx')).toBeUndefined();
  });

  test('ranked: label matches, then titles, then abstracts', () => {
    const hits = search(index, 'quantization', 9);
    expect(hits[0]?.name).toBe('quantization');
    const where = hits.map((h) => h.where);
    expect(where.indexOf('abstract') === -1 || where.indexOf('abstract') > where.lastIndexOf('name')).toBe(true);
    const titles = hits.filter((h) => h.kind === 'paper');
    expect(titles.length).toBeGreaterThan(0);
  });

  test('finds words that only abstracts have', () => {
    // A word of some abstract that no title, label or alias has.
    const names = new Set(index.entries.flatMap((e) => e.fields.flatMap((f) => f.words)));
    const entry = index.entries.find((e) => e.kind === 'paper' && e.abstract.split(' ').some((w) => w.length > 9 && !names.has(w) && (index.postings.get(w)?.length ?? 0) === 1));
    const word = entry?.abstract.split(' ').find((w) => w.length > 9 && !names.has(w) && (index.postings.get(w)?.length ?? 0) === 1);
    if (!entry || !word) throw new Error('no abstract-only word');
    const hit = search(index, word, 9).find((h) => h.key === entry.key);
    expect(hit?.where).toBe('abstract');
    expect(hit?.abstractWord).toBe(word);
  });

  test('suggests the closest concept for a misspelt name', () => {
    expect(closestConcept(index, 'quantizaton')).toBe('quantization');
    expect(closestConcept(index, 'zzzzqqq')).toBeNull();
  });
});

describe('concept filter on the seed', () => {
  test('resolves names by label and alias, case-insensitively, and counts matches', () => {
    const resolver = createFilterResolver(atlas, (n) => closestConcept(index, n));
    expect(resolver.resolve('int4')).toEqual([concept('INT4')]);
    expect(resolver.resolve('implicit neural representations')).toEqual([concept('INR')]);
    const both = resolver.run('INT4 AND KV cache');
    if (both.status !== 'ok') throw new Error(both.status);
    for (const p of both.papers) {
      const has = atlas.mentions(p).map((m) => m.concept);
      expect(has).toContain(concept('INT4'));
      expect(has).toContain(concept('KV cache'));
    }
    const not = resolver.run('quantization NOT transformer');
    if (not.status !== 'ok') throw new Error(not.status);
    expect(not.papers.size).toBeGreaterThan(0);
    expect([...not.papers].every((p) => !atlas.mentions(p).some((m) => m.concept === concept('transformer')))).toBe(true);
    const unknown = resolver.run('quantizaton OR INR');
    expect(unknown).toMatchObject({ status: 'unknown', unknown: [{ term: { name: 'quantizaton' }, suggestion: 'quantization' }] });
    expect(resolver.run('INT4 AND')).toMatchObject({ status: 'error' });
  });

  test('views hide clusters, kinds and rare concepts', () => {
    const resolver = createFilterResolver(atlas);
    const all = deriveView(atlas, resolver, noFilters);
    expect(all.hidden.size).toBe(0);
    const id = atlas.clusters[0]?.id ?? 0;
    const hidden = deriveView(atlas, resolver, setClusterHidden(initialState, id, true).filters);
    expect(atlas.members(id).papers.every((p) => hidden.hidden.has(p))).toBe(true);
    const papersOnly = deriveView(atlas, resolver, { ...noFilters, kinds: 'papers' });
    expect(papersOnly.shownConcepts).toEqual([]);
    const rare = deriveView(atlas, resolver, { ...noFilters, minPapers: 5 });
    expect(rare.shownConcepts.every((k) => (atlas.concept(k)?.papers ?? 0) >= 5)).toBe(true);
    expect(focusCluster(setClusterHidden(initialState, id, true), id).filters.hiddenClusters).not.toContain(id);
  });

  test('co-occurring concepts are computed once, most shared first', () => {
    const list = atlas.cooccurring(concept('KV cache'));
    expect(list.length).toBeGreaterThan(0);
    for (let i = 1; i < list.length; i++) expect((list[i - 1]?.papers ?? 0) >= (list[i]?.papers ?? 0)).toBe(true);
    expect(list.some((c) => c.key === concept('KV cache'))).toBe(false);
  });
});

describe('hover neighbourhood', () => {
  test('a paper: its concepts, its related papers, and faintly every other paper two hops away', () => {
    const key = atlas.paperKeys.find((k) => (atlas.paper(k)?.related.length ?? 0) >= 1 && atlas.mentions(k).length >= 3) ?? '';
    const focus = focusOf(atlas, key);
    if (!focus) throw new Error('no focus');
    const concepts = atlas.mentions(key).map((m) => m.concept);
    const twoHop = new Set(concepts.flatMap((c) => atlas.mentions(c).map((m) => m.paper)));
    twoHop.delete(key);
    const related = new Set(atlas.paper(key)?.related.map((r) => r.key));
    for (const c of concepts) expect(focus.direct.has(c)).toBe(true);
    for (const p of twoHop) expect(focus.nodes.has(p)).toBe(true);
    expect([...focus.faint].sort()).toEqual([...twoHop].filter((p) => !related.has(p)).sort());
    expect([...focus.faint].some((p) => related.has(p) || focus.direct.has(p))).toBe(false);
  });
});

describe('code links', () => {
  test('github, gitlab and huggingface links, with or without scheme, cleaned', () => {
    const text =
      'Code: https://github.com/mit-han-lab/qserve. Also github.com/PaulAlbert31/LSA, https://github.com/ihaeyong/PFNR.git. ' +
      'Weights at huggingface.co/org/model; mirror https://gitlab.com/a/b) and https://github.com/X/Y{https://github.com/X/Y}. ' +
      'Not: javascript:alert(1)//github.com/x, me@github.com, https://example.org/github.com/x, https://github.com, notgithub.com/a.';
    expect(findCodeLinks(text).map((l) => l.href)).toEqual([
      'https://github.com/mit-han-lab/qserve',
      'https://github.com/PaulAlbert31/LSA',
      'https://github.com/ihaeyong/PFNR',
      'https://huggingface.co/org/model',
      'https://gitlab.com/a/b',
      'https://github.com/X/Y',
    ]);
    expect(findCodeLinks('see https://haochen-rye.github.io/HNeRV, and more')[0]?.text).toBe('haochen-rye.github.io/HNeRV');
  });
});

describe('exports', () => {
  test('a selected paper: itself and its related papers, each with why', () => {
    const key = atlas.paperKeys.find((k) => (atlas.paper(k)?.related.length ?? 0) >= 2) ?? '';
    const view = deriveView(atlas, createFilterResolver(atlas), noFilters);
    const list = readingList(atlas, { ...initialState, selected: key }, view);
    expect(list.items[0]?.key).toBe(key);
    expect(list.items.length).toBe(1 + (atlas.paper(key)?.related.length ?? 0));
    expect(list.items[1]?.why).toMatch(/^Related to the selected paper: shares /);
  });

  test('BibTeX and Markdown escape hostile text and link only http(s) URLs', () => {
    const list = {
      title: 'Papers matching {x}',
      items: [
        { key: 'p:evil', title: '<img src=x> 100% {Bad} \\input{/etc/passwd} [x](javascript:alert(1)) *_`', url: 'javascript:alert(1)', authors: ['A & B', 'C_D'], date: '2024-05-01', why: 'Because #1 ~ ^' },
        { key: 'p:good', title: 'Good (paper)', url: 'https://example.org/a (b)', authors: [], date: undefined, why: 'Related.' },
        { key: 'p:good', title: 'Twice', url: undefined, authors: [], date: undefined, why: 'x' },
      ],
    };
    const bib = toBibtex(list);
    expect(bib).toContain('@misc{evil2024,');
    expect(bib).toContain('@misc{good,');
    expect(bib).toContain('@misc{good-2,');
    expect(bib).toContain('100\\% \\{Bad\\} \\textbackslash{}input\\{/etc/passwd\\}');
    expect(bib).toContain('author = {A \\& B and C\\_D}');
    expect(bib).not.toMatch(/url = \{javascript/);
    expect(bib).toContain('url = {https://example.org/a%20(b)}');
    // Braces balance in every entry.
    for (const entry of bib.split('@misc').slice(1)) {
      const unescaped = entry.replace(/\\[{}]/g, '');
      expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
    }
    const md = toMarkdown(list);
    expect(md).toContain('1. **\\<img src=x\\> 100% {Bad} \\\\input{/etc/passwd} \\[x\\](javascript:alert(1)) \\*\\_\\`** — Because #1 \\~ ^');
    expect(md).toContain('2. [Good (paper)](https://example.org/a%20%28b%29) — Related.');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
  });
});
