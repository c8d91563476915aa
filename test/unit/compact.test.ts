// The site's compact files: decoding what encodeSite wrote gives back the contract-v1 graph exactly (seed and hostile
// corpora), the bytes are deterministic, chunking follows the size rule, and bad files fail with the file's name.
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../scripts/options.ts';
import { buildAtlas } from '../../scripts/pipeline/build.ts';
import { decodeCorpus, readCorpus } from '../../scripts/pipeline/read.ts';
import {
  decodeLayout,
  decodeSite,
  encodeSite,
  ENCODE_DEFAULTS,
  decodeLinks,
  LAYOUT_FILE,
  LINKS_FILE,
  siteFiles,
  SiteFormatError,
  type SiteLayout,
  type SiteLinks,
} from '../../src/contract/compact.ts';
import type { SerializedAtlas } from '../../src/contract/types.ts';
import { validateGraph } from '../../src/contract/validate.ts';
import { buildSeed } from './seed-helpers.ts';

let seed: SerializedAtlas;
let hostile: SerializedAtlas;

beforeAll(() => {
  seed = JSON.parse(JSON.stringify(buildSeed())) as SerializedAtlas;
  const file = 'test/fixtures/hostile/xss.json';
  const read = readCorpus(decodeCorpus(readFileSync(file), file), file);
  hostile = JSON.parse(JSON.stringify(buildAtlas({ papers: read.papers, input: 'xss.json', format: read.format, skipped: read.skipped.length, options: { ...DEFAULTS } }).atlas)) as SerializedAtlas;
});

/** Decodes from the written files' text, as the app would read them. */
const roundTrip = (graph: SerializedAtlas, options = ENCODE_DEFAULTS): SerializedAtlas => {
  const files = siteFiles(encodeSite(graph, options));
  return decodeSite((name) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`no file ${name}`);
    return JSON.parse(text);
  });
};

/** The graph the app builds: graphology's own export of it. */
const asGraph = (data: SerializedAtlas): unknown => Graph.from(data).export();

describe('compact site files', () => {
  it('give back the seed graph exactly, inline and chunked', () => {
    expect(roundTrip(seed)).toEqual(seed);
    expect(asGraph(roundTrip(seed))).toEqual(asGraph(seed));
    const chunked = { inlineBytes: 0, chunkBytes: 20_000 };
    const parts = encodeSite(seed, chunked);
    expect(parts.chunks.length).toBeGreaterThan(5);
    expect(typeof parts.layout.names).toBe('string');
    expect(roundTrip(seed, chunked)).toEqual(seed);
  });

  it('give back the hostile corpus exactly (markup, javascript: URLs and odd keys stay data)', () => {
    expect(hostile.nodes.some((n) => n.attributes.kind === 'paper' && /<script|<img/i.test(n.attributes.title + n.attributes.abstract))).toBe(true);
    expect(roundTrip(hostile)).toEqual(hostile);
    expect(roundTrip(hostile, { inlineBytes: 0, chunkBytes: 1 })).toEqual(hostile);
    expect(validateGraph(roundTrip(hostile)).ok).toBe(true);
  });

  it('keep unusual but valid graphs: extra attributes, custom edge keys, unrounded coordinates, missing optionals', () => {
    const g = structuredClone(seed);
    const paper = g.nodes.find((n) => n.attributes.kind === 'paper')!;
    Object.assign(paper.attributes, { x: Math.PI, venue: { name: 'constructor' }, __proto_like: 1 });
    delete (paper.attributes as { url?: string }).url;
    const concept = g.nodes.find((n) => n.attributes.kind === 'concept')!;
    Object.assign(concept.attributes, { definition: 'long form', extra: [1, 2] });
    g.edges[0]!.key = 'custom edge key';
    Object.assign(g.edges[1]!.attributes, { note: 'kept' });
    delete g.edges[2]!.undirected;
    expect(roundTrip(g)).toEqual(g);
    expect(roundTrip(g, { inlineBytes: 0, chunkBytes: 5_000 })).toEqual(g);
  });

  it('are deterministic: the same graph gives the same bytes', () => {
    const a = siteFiles(encodeSite(seed, { inlineBytes: 0, chunkBytes: 30_000 }));
    const b = siteFiles(encodeSite(structuredClone(seed), { inlineBytes: 0, chunkBytes: 30_000 }));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of a) expect(b.get(name)).toBe(text);
    expect(a.get(LAYOUT_FILE)).not.toMatch(/20\d\d-\d\d-\d\dT/); // no timestamps
  });

  it('are the same from the objects the build made (packed spans, edges that make their keys) as from its JSON file', () => {
    const built = buildSeed();
    const a = siteFiles(encodeSite(built, { inlineBytes: 0, chunkBytes: 30_000 }));
    const b = siteFiles(encodeSite(seed, { inlineBytes: 0, chunkBytes: 30_000 }));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of a) expect(text).toBe(b.get(name));
  });

  it('ship the seed inline (one request) and a big graph chunked, by size', () => {
    expect(encodeSite(seed).chunks).toEqual([]);
    expect('inline' in encodeSite(seed).layout.text).toBe(true);
    expect(encodeSite(seed, { ...ENCODE_DEFAULTS, inlineBytes: 1000 }).chunks.length).toBeGreaterThan(0);
  });

  it('put the links in a file of their own when chunked, and keep their count in the layout', () => {
    const inline = encodeSite(seed);
    expect(inline.links).toBeNull();
    expect((inline.layout.edges as SiteLinks).target).toHaveLength(seed.edges.length);
    const parts = encodeSite(seed, { inlineBytes: 0, chunkBytes: 50_000 });
    expect(parts.layout.edges).toEqual({ file: LINKS_FILE, count: seed.edges.length });
    expect(siteFiles(parts).has(LINKS_FILE)).toBe(true);
    // Until the links are in, the decoded layout knows how many there are but has none.
    const decoded = decodeLayout(JSON.parse(siteFiles(parts).get(LAYOUT_FILE)!));
    expect(decoded.linkCount).toBe(seed.edges.length);
    expect(decoded.links).toBeNull();
    expect(decoded.source).toHaveLength(0);
    decodeLinks(decoded, JSON.parse(siteFiles(parts).get(LINKS_FILE)!), LINKS_FILE);
    expect(decoded.source).toHaveLength(seed.edges.length);
    const first = seed.edges[0]!;
    expect(decoded.edgeKey(0)).toBe(first.key);
    expect(decoded.edgeAttributes(0).weight).toBe(first.attributes.weight);
  });

  it('put coordinates in as integers and text out of the layout when chunked', () => {
    const { layout } = encodeSite(seed, { inlineBytes: 0, chunkBytes: 50_000 });
    expect(layout.x.every(Number.isInteger)).toBe(true);
    const text = JSON.stringify(layout);
    const paper = seed.nodes.find((n) => n.attributes.kind === 'paper' && n.attributes.abstract.length > 200)!;
    if (paper.attributes.kind !== 'paper') throw new Error('unreachable');
    expect(text).not.toContain(paper.attributes.abstract.slice(0, 80));
    expect(text).not.toContain(JSON.stringify(paper.attributes.title));
  });
});

describe('bad site files', () => {
  const layout = (): SiteLayout => JSON.parse(JSON.stringify(encodeSite(seed).layout)) as SiteLayout;
  const problem = (raw: unknown, file = 'atlas.json'): string => {
    try {
      decodeLayout(raw, file);
    } catch (e) {
      expect(e).toBeInstanceOf(SiteFormatError);
      return (e as Error).message;
    }
    return '';
  };

  it('name the file and the problem', () => {
    expect(problem(null)).toBe('atlas.json: not a JSON object');
    expect(problem({ nodes: [] })).toMatch(/^atlas.json: not a Concept Atlas site file/);
    expect(problem({ ...layout(), version: 7 })).toMatch(/unsupported version 7/);
    expect(problem({ ...layout(), attributes: { ...layout().attributes, schemaVersion: 99 } })).toMatch(/unsupported schemaVersion 99/);
    const short = layout();
    short.labels.pop();
    expect(problem(short, 'site/atlas.json')).toMatch(/^site\/atlas.json: "labels" must have one entry per node/);
    const dangling = layout();
    (dangling.edges as SiteLinks).target[0] = 1e6;
    expect(problem(dangling)).toMatch(/dangling edge/);
  });

  it('reject a names part or text chunk that does not fit the layout, naming that file', () => {
    const parts = encodeSite(seed, { inlineBytes: 0, chunkBytes: 50_000 });
    const files = siteFiles(parts);
    const read = (overrides: Record<string, unknown>) => (name: string): unknown => (name in overrides ? overrides[name] : JSON.parse(files.get(name)!));
    expect(() => decodeSite(read({ 'atlas-names.json': { papers: [], concepts: [] } }))).toThrow(/^atlas-names.json: has 0 papers/);
    expect(() => decodeSite(read({ 'text/1.json': { records: [{ p: 0, abstract: 1 }] } }))).toThrow(/^text\/1.json: record for paper #0 is malformed/);
    const links = JSON.parse(files.get(LINKS_FILE)!) as SiteLinks;
    const fewer = { ...links, source: links.source.slice(1), target: links.target.slice(1), weight: links.weight.slice(1) };
    expect(() => decodeSite(read({ [LINKS_FILE]: fewer }))).toThrow(new RegExp(`^${LINKS_FILE}: has ${links.target.length - 1} links, the layout ${links.target.length}`));
    expect(() => decodeSite(read({ [LINKS_FILE]: { ...links, target: links.target.map(() => -1) } }))).toThrow(/dangling edge/);
  });
});
