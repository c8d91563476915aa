// The level of detail (src/map/display.ts): a small map is drawn whole; a big one draws every paper, the most-shared
// concepts and the topic-naming ones, more when zoomed in, and whatever is pinned (selection, filter) — no links.
import { describe, expect, it } from 'vitest';
import type { AtlasEdgeAttributes, AtlasNodeAttributes, SerializedAtlas, SerializedEdge, SerializedNode } from '../../src/contract/types.ts';
import { decodeLayout, decodeLinks, encodeSite, LAYOUT_FILE, LINKS_FILE, siteFiles } from '../../src/contract/compact.ts';
import { completeText, createAtlas } from '../../src/data/atlas.ts';
import { conceptRanking, createDisplay, LOD, needsLinksFirst } from '../../src/map/display.ts';
import { noFilters } from '../../src/state/state.ts';

/** `papers` papers; concept i is shared by the papers p with p % (i + 1) === 0 — concept 0 by all, the last by few. */
function synthetic(papers: number, concepts: number): SerializedAtlas {
  const nodes: SerializedNode<AtlasNodeAttributes>[] = [];
  const edges: SerializedEdge<AtlasEdgeAttributes>[] = [];
  const pk = (p: number): string => `p:${String(p).padStart(6, '0')}`;
  const ck = (c: number): string => `c:${String(c).padStart(6, '0')}`;
  const count = new Array<number>(concepts).fill(0);
  for (let c = 0; c < concepts; c++) {
    // Every concept has at least two papers: the multiples of c + 1 (capped) or two fixed ones.
    const step = c + 1;
    const members = step < papers / 2 ? Array.from({ length: Math.min(50, Math.floor(papers / step)) }, (_, i) => i * step) : [c % papers, (c + 1) % papers];
    for (const p of members) edges.push({ key: `${pk(p)}|${ck(c)}`, source: pk(p), target: ck(c), undirected: true, attributes: { kind: 'mentions', weight: 1, titleSpans: [], abstractSpans: [] } });
    count[c] = members.length;
  }
  for (let c = 0; c < concepts; c++)
    nodes.push({ key: ck(c), attributes: { kind: 'concept', conceptType: 'phrase', label: `concept ${c}`, aliases: [], papers: count[c]!, x: c % 300, y: Math.floor(c / 300), size: 3, color: '#4e79a7', cluster: 0 } });
  for (let p = 0; p < papers; p++)
    nodes.push({ key: pk(p), attributes: { kind: 'paper', label: `paper ${p}`, title: `Paper ${p}`, abstract: '', x: p, y: -p, size: 5, color: '#4e79a7', cluster: 0, related: [], terms: [] } });
  const top = [ck(concepts - 1)];
  return {
    attributes: { schemaVersion: 1, clusters: [{ id: 0, label: 'all', color: '#4e79a7', size: papers, top }], build: { input: 'synthetic', format: 'json', papers, skipped: 0, concepts, edges: edges.length, layoutQuality: 0, options: {} } },
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes,
    edges,
  };
}

describe('level of detail', () => {
  it('draws a small map whole, with every link', () => {
    const atlas = createAtlas(synthetic(50, 100));
    const display = createDisplay(atlas);
    expect(display.reduced).toBe(false);
    expect(display.graph.order).toBe(150);
    expect(display.graph.size).toBe(atlas.counts.links);
  });

  it('draws every paper of a big map, its most-shared and topic-naming concepts, and no links', () => {
    const papers = 2_000;
    const conceptCount = LOD.fullNodes + 1_000;
    const atlas = createAtlas(synthetic(papers, conceptCount));
    const display = createDisplay(atlas);
    expect(display.reduced).toBe(true);
    const concepts = display.graph.filterNodes((_k, a) => a.kind === 'concept');
    expect(display.graph.filterNodes((_k, a) => a.kind === 'paper')).toHaveLength(papers);
    expect(display.graph.size).toBe(0);
    const base = Math.max(LOD.minConcepts, Math.round(papers * LOD.conceptsPerPaper));
    // The ranking's head, plus the one topic-naming concept (the least-shared one here).
    const ranking = conceptRanking(atlas);
    expect(new Set(concepts)).toEqual(new Set([...ranking.slice(0, base), `c:${String(conceptCount - 1).padStart(6, '0')}`]));
    expect(atlas.concept(ranking[0]!)!.papers).toBeGreaterThanOrEqual(atlas.concept(ranking[base]!)!.papers);
  });

  it('lets a big map draw before its links are in, unless a shared selection or filter needs them', () => {
    const files = siteFiles(encodeSite(synthetic(2_000, LOD.fullNodes + 1_000), { inlineBytes: 0, chunkBytes: 1e6 }));
    const decoded = decodeLayout(JSON.parse(files.get(LAYOUT_FILE)!));
    const waiting = { ...completeText, linksReady: false };
    const atlas = createAtlas(decoded, waiting);
    const links = atlas.counts.links;
    expect(links).toBeGreaterThan(0);
    const view = { selected: null, filters: noFilters };
    expect(needsLinksFirst(atlas, view)).toBe(false);
    expect(createDisplay(atlas).reduced).toBe(true);
    expect(atlas.mentions('c:000000')).toEqual([]);
    expect(needsLinksFirst(atlas, { ...view, selected: 'p:000001' })).toBe(true);
    expect(needsLinksFirst(atlas, { ...view, filters: { ...noFilters, query: 'concept 0' } })).toBe(true);
    expect(needsLinksFirst(atlas, { ...view, filters: { ...noFilters, hiddenClusters: [0] } })).toBe(true);
    // Once in, the mentions are there (nothing was remembered from before), and nothing waits any more.
    decodeLinks(decoded, JSON.parse(files.get(LINKS_FILE)!), LINKS_FILE);
    expect(atlas.mentions('c:000000').length).toBe(50);
    expect(atlas.counts.links).toBe(links);
    expect(needsLinksFirst({ ...atlas, text: completeText }, { ...view, selected: 'p:000001' })).toBe(false);
  });

  it('waits for the links of a map drawn whole', () => {
    const files = siteFiles(encodeSite(synthetic(50, 100), { inlineBytes: 0, chunkBytes: 1e6 }));
    const atlas = createAtlas(decodeLayout(JSON.parse(files.get(LAYOUT_FILE)!)), { ...completeText, linksReady: false });
    expect(needsLinksFirst(atlas, { selected: null, filters: noFilters })).toBe(true);
  });

  it('draws more concepts when zoomed in, fewer again when zoomed out, and always the pinned ones', () => {
    const atlas = createAtlas(synthetic(2_000, LOD.fullNodes + 1_000));
    const display = createDisplay(atlas);
    const concepts = (): number => display.graph.filterNodes((_k, a) => a.kind === 'concept').length;
    const atRest = concepts();
    expect(display.update(1, [])).toBe(false);
    expect(display.update(LOD.zoomSteps[0] - 0.01, [])).toBe(true);
    expect(concepts()).toBeGreaterThan(atRest * 2);
    expect(display.update(LOD.zoomSteps[1] - 0.01, [])).toBe(true);
    expect(concepts()).toBeGreaterThan(atRest * 5);
    expect(display.update(1, [])).toBe(true);
    expect(concepts()).toBe(atRest);
    const rare = conceptRanking(atlas).at(-2)!;
    expect(display.drawn(rare)).toBe(false);
    expect(display.update(1, [rare, 'p:000001', 'not a node'])).toBe(true);
    expect(display.drawn(rare)).toBe(true);
    expect(concepts()).toBe(atRest + 1);
  });
});
