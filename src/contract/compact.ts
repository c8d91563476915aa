// The site's compact form of a contract-v1 graph: a columnar layout file (everything the first frame needs), a names
// part (titles, related papers, terms, aliases) and text chunks (abstracts, authors, mention spans), all derived from
// the v1 file by pure functions. The build writes them (scripts/site-files.ts); the app reads them (src/data/load.ts).
import {
  SCHEMA_VERSION,
  type AtlasEdgeAttributes,
  type AtlasNodeAttributes,
  type ConceptAttributes,
  type GraphAttributes,
  type MentionEdgeAttributes,
  type PaperAttributes,
  type SerializedAtlas,
  type SerializedEdge,
  type SerializedNode,
  type Span,
} from './types.ts';

export const SITE_FORMAT = 'concept-atlas-site' as const;
export const SITE_VERSION = 1 as const;
/** The layout file the app fetches first. */
export const LAYOUT_FILE = 'atlas.json';
/** The links of a site whose text comes in chunks: fetched after the first frame (a big map draws none). */
export const LINKS_FILE = 'atlas-links.json';

/** The links as index arrays, in edge order. */
export interface SiteLinks {
  /** Node index of each edge's source, as the difference from the previous edge's source. */
  source: number[];
  target: number[];
  weight: number[];
  /** The edge's `undirected` flag: one value for all, or one per edge (0 false, 1 true, 2 absent). */
  undirected: boolean | null | number[];
  /** Edge keys, only when some key is not "source|target". */
  keys?: string[];
}

/** Everything needed to draw the map: one entry per node (graph order) in each column; edges as index arrays. */
export interface SiteLayout {
  format: typeof SITE_FORMAT;
  version: typeof SITE_VERSION;
  attributes: GraphAttributes;
  options: SerializedAtlas['options'];
  keys: string[];
  labels: string[];
  /** 0 for a paper, else 1 + the index of its type in `conceptTypes`. */
  type: number[];
  conceptTypes: string[];
  /** Decimal digits kept by `x`/`y` and by `size` (stored as integers times 10^digits); -1: stored as is. */
  digits: { xy: number; size: number };
  x: number[];
  y: number[];
  size: number[];
  colors: string[];
  color: number[];
  cluster: number[];
  /** Per concept (in node order): its `papers` count. */
  papers: number[];
  /** The links: inline, or the file they are in and how many there are. */
  edges: SiteLinks | { file: string; count: number };
  /** The names part: inline, or the file it is in. */
  names: SiteNames | string;
  /** The text: inline (one part), or chunk files and the chunk of each paper (paper order). */
  text: { inline: SiteText } | { files: string[]; chunk: number[] };
}

/** [title, related as [paper ordinal, score, shared concept ordinals], terms] per paper. */
export type NamesPaper = [string, [number, number, number[]][], string[]];
/** [aliases, definition or null, other attributes or null] per concept. */
export type NamesConcept = [string[], string | null, Record<string, unknown> | null];

export interface SiteNames {
  papers: NamesPaper[];
  concepts: NamesConcept[];
}

export interface TextRecord {
  /** Paper ordinal. */
  p: number;
  abstract: string;
  url?: string;
  authors?: string[];
  date?: string;
  /** Other paper attributes, kept as they are. */
  more?: Record<string, unknown>;
  /** Per incident edge (edge order): title spans and abstract spans flattened [s0, e0, s1, e1, …]. */
  spans: [number[], number[]][];
  /** Other edge attributes per incident edge (edge order), when there are any. */
  edgeMore?: (Record<string, unknown> | null)[];
}

export interface SiteText {
  records: TextRecord[];
}

export interface SiteParts {
  layout: SiteLayout;
  /** Null when inline. */
  names: SiteNames | null;
  /** Null when inline. */
  links: SiteLinks | null;
  /** Empty when inline. */
  chunks: SiteText[];
}

export interface EncodeOptions {
  /** Names + text up to this many bytes of JSON go inline in the layout file (one request). */
  inlineBytes: number;
  /** Target size of one text chunk, bytes of JSON. */
  chunkBytes: number;
}

export const ENCODE_DEFAULTS: EncodeOptions = { inlineBytes: 768 * 1024, chunkBytes: 384 * 1024 };

export class SiteFormatError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'SiteFormatError';
  }
}

const PAPER_FIELDS = new Set(['kind', 'label', 'title', 'abstract', 'url', 'authors', 'date', 'related', 'terms', 'x', 'y', 'size', 'color', 'cluster']);
const CONCEPT_FIELDS = new Set(['kind', 'conceptType', 'label', 'aliases', 'definition', 'papers', 'x', 'y', 'size', 'color', 'cluster']);
const EDGE_FIELDS = new Set(['kind', 'weight', 'titleSpans', 'abstractSpans']);

const others = (attrs: object, known: Set<string>): Record<string, unknown> | null => {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(attrs)) {
    if (known.has(k)) continue;
    out[k] = v;
    any = true;
  }
  return any ? out : null;
};

/** Fewest decimal digits (0–6) that keep every value exactly, or -1. */
function digitsFor(values: number[]): number {
  for (let d = 0; d <= 6; d++) {
    const f = 10 ** d;
    if (values.every((v) => Math.round(v * f) / f === v)) return d;
  }
  return -1;
}
const scaled = (values: number[], d: number): number[] => (d < 0 ? values : values.map((v) => Math.round(v * 10 ** d)));
const unscaled = (values: number[], d: number): number[] => (d < 0 ? values : values.map((v) => v / 10 ** d));
const flat = (spans: Span[]): number[] => spans.flatMap((s) => [s[0], s[1]]);
const pairs = (flatSpans: number[]): Span[] => {
  const out: Span[] = [];
  for (let i = 0; i + 1 < flatSpans.length; i += 2) out.push([flatSpans[i]!, flatSpans[i + 1]!]);
  return out;
};

/** Splits a valid contract-v1 graph into the site's parts. Same graph, same parts (and same bytes with `siteFiles`). */
export function encodeSite(graph: SerializedAtlas, options: EncodeOptions = ENCODE_DEFAULTS): SiteParts {
  const nodes = graph.nodes;
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.key, i));
  const conceptTypes: string[] = [];
  const colors: string[] = [];
  const colorIndex = new Map<string, number>();
  const paperOrdinal = new Map<string, number>();
  const conceptOrdinal = new Map<string, number>();
  const type: number[] = [];
  const color: number[] = [];
  const papers: number[] = [];
  for (const n of nodes) {
    const a = n.attributes;
    if (a.kind === 'paper') {
      paperOrdinal.set(n.key, paperOrdinal.size);
      type.push(0);
    } else {
      conceptOrdinal.set(n.key, conceptOrdinal.size);
      let t = conceptTypes.indexOf(a.conceptType);
      if (t < 0) t = conceptTypes.push(a.conceptType) - 1;
      type.push(t + 1);
      papers.push(a.papers);
    }
    let c = colorIndex.get(a.color);
    if (c === undefined) colorIndex.set(a.color, (c = colors.push(a.color) - 1));
    color.push(c);
  }
  const xs = nodes.map((n) => n.attributes.x);
  const ys = nodes.map((n) => n.attributes.y);
  const sizes = nodes.map((n) => n.attributes.size);
  const xy = Math.min(digitsFor(xs), digitsFor(ys)) < 0 ? -1 : Math.max(digitsFor(xs), digitsFor(ys));
  const sizeDigits = digitsFor(sizes);

  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  const undirectedFlags: number[] = [];
  let prev = 0;
  let keysNeeded = false;
  /** Per paper ordinal: its incident edges (edge indices, edge order). */
  const incident: number[][] = Array.from({ length: paperOrdinal.size }, () => []);
  graph.edges.forEach((e, i) => {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) throw new Error(`edge "${e.key}" points to a missing node`);
    source.push(s - prev);
    prev = s;
    target.push(t);
    weight.push(e.attributes.weight);
    undirectedFlags.push(e.undirected === undefined ? 2 : e.undirected ? 1 : 0);
    if (e.key !== `${e.source}|${e.target}`) keysNeeded = true;
    const paper = paperOrdinal.get(e.source) ?? paperOrdinal.get(e.target);
    if (paper === undefined) throw new Error(`edge "${e.key}" does not touch a paper`);
    incident[paper]!.push(i);
  });
  const allSame = undirectedFlags.every((f) => f === undirectedFlags[0]);
  const undirected: SiteLinks['undirected'] = !allSame ? undirectedFlags : undirectedFlags[0] === 2 || undirectedFlags.length === 0 ? null : undirectedFlags[0] === 1;

  const namesPart: SiteNames = { papers: [], concepts: [] };
  const records: TextRecord[] = [];
  for (const n of nodes) {
    const a = n.attributes;
    if (a.kind === 'concept') {
      namesPart.concepts.push([a.aliases, a.definition ?? null, others(a, CONCEPT_FIELDS)]);
      continue;
    }
    const p = paperOrdinal.get(n.key)!;
    namesPart.papers.push([
      a.title,
      a.related.map((r) => [paperOrdinal.get(r.key) ?? -1, r.score, r.shared.map((k) => conceptOrdinal.get(k) ?? -1)]),
      a.terms,
    ]);
    const record: TextRecord = { p, abstract: a.abstract, spans: [] };
    if (a.url !== undefined) record.url = a.url;
    if (a.authors !== undefined) record.authors = a.authors;
    if (a.date !== undefined) record.date = a.date;
    const more = others(a, PAPER_FIELDS);
    if (more) record.more = more;
    const edgeMore: (Record<string, unknown> | null)[] = [];
    for (const i of incident[p]!) {
      const ea = graph.edges[i]!.attributes;
      record.spans.push([flat(ea.titleSpans), flat(ea.abstractSpans)]);
      edgeMore.push(others(ea, EDGE_FIELDS));
    }
    if (edgeMore.some((m) => m !== null)) record.edgeMore = edgeMore;
    records.push(record);
  }

  const layout: SiteLayout = {
    format: SITE_FORMAT,
    version: SITE_VERSION,
    attributes: graph.attributes,
    options: graph.options,
    keys: nodes.map((n) => n.key),
    labels: nodes.map((n) => n.attributes.label),
    type,
    conceptTypes,
    digits: { xy, size: sizeDigits },
    x: scaled(xs, xy),
    y: scaled(ys, xy),
    size: scaled(sizes, sizeDigits),
    colors,
    color,
    cluster: nodes.map((n) => n.attributes.cluster),
    papers,
    edges: { source, target, weight, undirected, ...(keysNeeded ? { keys: graph.edges.map((e) => e.key) } : {}) },
    names: namesPart,
    text: { inline: { records } },
  };
  if (JSON.stringify(namesPart).length + JSON.stringify(records).length <= options.inlineBytes) return { layout, names: null, links: null, chunks: [] };

  // Chunks follow the clusters (a concept's papers and a paper's neighbours tend to share a chunk), then graph order.
  const clusterOf = nodes.filter((n) => n.attributes.kind === 'paper').map((n) => n.attributes.cluster);
  const order = records.map((r) => r.p).sort((a, b) => clusterOf[a]! - clusterOf[b]! || a - b);
  const chunks: SiteText[] = [];
  const chunkOf: number[] = new Array<number>(records.length).fill(0);
  let current: TextRecord[] = [];
  let bytes = 0;
  for (const p of order) {
    const r = records[p]!;
    const size = JSON.stringify(r).length;
    if (current.length && bytes + size > options.chunkBytes) {
      chunks.push({ records: current });
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += size;
    chunkOf[p] = chunks.length;
  }
  if (current.length) chunks.push({ records: current });
  const links = layout.edges as SiteLinks;
  layout.edges = { file: LINKS_FILE, count: target.length };
  layout.names = 'atlas-names.json';
  layout.text = { files: chunks.map((_, i) => `text/${i}.json`), chunk: chunkOf };
  return { layout, names: namesPart, links, chunks };
}

/** The files of the site's data, name → JSON text (deterministic: same graph, same bytes). */
export function siteFiles(parts: SiteParts): Map<string, string> {
  const files = new Map<string, string>([[LAYOUT_FILE, JSON.stringify(parts.layout)]]);
  if (parts.links && 'file' in parts.layout.edges) files.set(parts.layout.edges.file, JSON.stringify(parts.links));
  if (parts.names && typeof parts.layout.names === 'string') files.set(parts.layout.names, JSON.stringify(parts.names));
  if ('files' in parts.layout.text) parts.layout.text.files.forEach((f, i) => files.set(f, JSON.stringify(parts.chunks[i])));
  return files;
}

/**
 * A decoded layout: nodes with the text still to come (empty titles, abstracts, related lists, spans), and edges kept
 * as columns (node indices) — a big map has hundreds of thousands of them and the first frame needs none. When the
 * links have a file of their own, the edge columns are empty until `decodeLinks` fills them.
 */
export interface DecodedLayout {
  layout: SiteLayout;
  attributes: GraphAttributes;
  options: SerializedAtlas['options'];
  nodes: SerializedNode<AtlasNodeAttributes>[];
  /** How many links the graph has (also before they are in). */
  linkCount: number;
  /** The links' file, or null when they came in the layout file. */
  linksFile: string | null;
  /** The links, once in (null until then). */
  links: SiteLinks | null;
  /** Node index of each edge's ends. */
  source: Int32Array;
  target: Int32Array;
  /** Each edge's attributes (spans empty until its paper's text is in), made on first use. */
  edgeAttributes(edge: number): MentionEdgeAttributes;
  /** Node index by key. */
  index: Map<string, number>;
  edgeKey(edge: number): string;
  /** An edge's `undirected` flag, or undefined when the file had none. */
  undirected(edge: number): boolean | undefined;
  /** Node index of each paper ordinal and of each concept ordinal. */
  paperNodes: number[];
  conceptNodes: number[];
  /** Per paper ordinal, its incident edge indices in edge order. */
  incident: number[][];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const numArray = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const strArray = (v: unknown, n: number): v is string[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'string');

/** Checks and decodes the layout file; throws a SiteFormatError naming `file` and the problem. */
export function decodeLayout(raw: unknown, file: string = LAYOUT_FILE): DecodedLayout {
  const fail = (problem: string): never => {
    throw new SiteFormatError(file, problem);
  };
  if (!isObj(raw)) return fail('not a JSON object');
  if (raw.format !== SITE_FORMAT) return fail(`not a Concept Atlas site file (format ${JSON.stringify(raw.format)})`);
  if (raw.version !== SITE_VERSION) return fail(`unsupported version ${JSON.stringify(raw.version)} (this app reads version ${SITE_VERSION})`);
  if (!isObj(raw.attributes) || !Array.isArray(raw.attributes.clusters)) return fail('graph attributes are missing');
  if (raw.attributes.schemaVersion !== SCHEMA_VERSION) return fail(`unsupported schemaVersion ${JSON.stringify(raw.attributes.schemaVersion)} (this app reads version ${SCHEMA_VERSION})`);
  const n = Array.isArray(raw.keys) ? raw.keys.length : fail('"keys" must be an array');
  for (const column of ['keys', 'labels', 'type', 'x', 'y', 'size', 'color', 'cluster'] as const) {
    const ok = column === 'keys' || column === 'labels' ? strArray(raw[column], n) : numArray(raw[column], n);
    if (!ok) fail(`"${column}" must have one entry per node (${n})`);
  }
  const layout = raw as unknown as SiteLayout;
  if (!strArray(layout.conceptTypes, layout.conceptTypes?.length ?? -1) || !strArray(layout.colors, layout.colors?.length ?? -1)) fail('"conceptTypes" and "colors" must be string arrays');
  if (!isObj(layout.digits) || typeof layout.digits.xy !== 'number' || typeof layout.digits.size !== 'number') fail('"digits" is missing');
  const clusterIds = new Set(layout.attributes.clusters.map((c) => c.id));
  const xs = unscaled(layout.x, layout.digits.xy);
  const ys = unscaled(layout.y, layout.digits.xy);
  const sizes = unscaled(layout.size, layout.digits.size);
  const paperNodes: number[] = [];
  const conceptNodes: number[] = [];
  const index = new Map<string, number>();
  const nodes: SerializedNode<AtlasNodeAttributes>[] = new Array<SerializedNode<AtlasNodeAttributes>>(n);
  const { keys, labels, colors, cluster, type } = layout;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (index.has(key)) fail(`node "${key}" appears twice`);
    index.set(key, i);
    const t = type[i]!;
    const color = colors[layout.color[i]!];
    if (color === undefined) fail(`node "${key}" has an unknown colour index`);
    if (clusterIds.size && !clusterIds.has(cluster[i]!)) fail(`node "${key}" has an unknown cluster ${cluster[i]}`);
    if (t === 0) {
      paperNodes.push(i);
      nodes[i] = { key, attributes: { kind: 'paper', label: labels[i]!, x: xs[i]!, y: ys[i]!, size: sizes[i]!, color: color!, cluster: cluster[i]!, title: '', abstract: '', related: [], terms: [] } };
    } else {
      const conceptType = layout.conceptTypes[t - 1] as ConceptAttributes['conceptType'] | undefined;
      if (conceptType === undefined) fail(`node "${key}" has an unknown type ${t}`);
      const papers = layout.papers?.[conceptNodes.length];
      if (typeof papers !== 'number') fail(`"papers" must have one entry per concept`);
      conceptNodes.push(i);
      nodes[i] = { key, attributes: { kind: 'concept', label: labels[i]!, x: xs[i]!, y: ys[i]!, size: sizes[i]!, color: color!, cluster: cluster[i]!, conceptType: conceptType!, aliases: [], papers: papers! } };
    }
  }
  const e: unknown = layout.edges;
  const separate = isObj(e) && typeof e.file === 'string';
  if (separate && !(typeof e.count === 'number' && Number.isInteger(e.count) && e.count >= 0)) fail('"edges.count" must be a number of links');
  const made = new Map<number, MentionEdgeAttributes>();
  const decoded: DecodedLayout = {
    layout,
    attributes: layout.attributes,
    options: layout.options,
    nodes,
    linkCount: separate ? (e.count as number) : 0,
    linksFile: separate ? (e.file as string) : null,
    links: null,
    source: new Int32Array(0),
    target: new Int32Array(0),
    edgeAttributes(i) {
      let a = made.get(i);
      if (!a) made.set(i, (a = { kind: 'mentions', weight: decoded.links?.weight[i] ?? 0, titleSpans: [], abstractSpans: [] }));
      return a;
    },
    index,
    edgeKey: (i) => decoded.links?.keys?.[i] ?? `${keys[decoded.source[i]!]}|${keys[decoded.target[i]!]}`,
    undirected(i) {
      const u = decoded.links?.undirected;
      const flag = Array.isArray(u) ? u[i] : u === null || u === undefined ? 2 : u ? 1 : 0;
      return flag === 2 ? undefined : flag === 1;
    },
    paperNodes,
    conceptNodes,
    incident: paperNodes.map(() => []),
  };
  if (!separate) decodeLinks(decoded, e, file);
  return decoded;
}

/** Checks the links (from the layout file, or their own file) and puts them into `decoded`; throws a SiteFormatError naming `file`. */
export function decodeLinks(decoded: DecodedLayout, raw: unknown, file: string): void {
  const fail = (problem: string): never => {
    throw new SiteFormatError(file, problem);
  };
  const n = decoded.nodes.length;
  const m = isObj(raw) && Array.isArray(raw.target) ? raw.target.length : fail('"edges" is missing');
  const e = raw as unknown as SiteLinks;
  if (!numArray(e.source, m) || !numArray(e.weight, m) || !numArray(e.target, m)) fail('edge columns must have one entry per edge');
  if (e.keys !== undefined && !strArray(e.keys, m)) fail('"edges.keys" must have one key per edge');
  if (Array.isArray(e.undirected) && !numArray(e.undirected, m)) fail('"edges.undirected" must have one entry per edge');
  if (decoded.linksFile !== null && m !== decoded.linkCount) fail(`has ${m} links, the layout ${decoded.linkCount}`);
  const paperOrdinal = new Int32Array(n).fill(-1);
  decoded.paperNodes.forEach((node, p) => (paperOrdinal[node] = p));
  const incident: number[][] = decoded.paperNodes.map(() => []);
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  let s = 0;
  for (let i = 0; i < m; i++) {
    s += e.source[i]!;
    const t = e.target[i]!;
    if (!(s >= 0 && s < n && t >= 0 && t < n && Number.isInteger(s) && Number.isInteger(t))) fail(`edge #${i} points to a missing node (dangling edge)`);
    const p = paperOrdinal[s]! >= 0 ? paperOrdinal[s]! : paperOrdinal[t]!;
    if (p < 0) fail(`edge #${i} does not touch a paper`);
    incident[p]!.push(i);
    source[i] = s;
    target[i] = t;
  }
  Object.assign(decoded, { links: e, linkCount: m, source, target, incident });
}

/** The decoded graph in contract-v1 form (text as far as it was applied). */
export function toSerialized(decoded: DecodedLayout): SerializedAtlas {
  const edges: SerializedEdge<AtlasEdgeAttributes>[] = [];
  const keys = decoded.layout.keys;
  for (let i = 0; i < decoded.source.length; i++) {
    const edge: SerializedEdge<AtlasEdgeAttributes> = { key: decoded.edgeKey(i), source: keys[decoded.source[i]!]!, target: keys[decoded.target[i]!]!, attributes: decoded.edgeAttributes(i) };
    const undirected = decoded.undirected(i);
    if (undirected !== undefined) edge.undirected = undirected;
    edges.push(edge);
  }
  return { attributes: decoded.attributes, options: decoded.options, nodes: decoded.nodes, edges };
}

/** Attribute updates for nodes (by node index) and edges (by edge index) that a names part or a text chunk brings. */
export interface Patches {
  nodes: [number, Partial<PaperAttributes> | Partial<ConceptAttributes>][];
  edges: [number, Partial<AtlasEdgeAttributes>][];
}

/** The names part as attribute updates; throws a SiteFormatError naming `file` if it does not fit the layout. */
export function namesPatches(decoded: DecodedLayout, raw: unknown, file: string): Patches {
  const { paperNodes, conceptNodes, layout } = decoded;
  if (!isObj(raw) || !Array.isArray(raw.papers) || !Array.isArray(raw.concepts)) throw new SiteFormatError(file, 'needs "papers" and "concepts" arrays');
  const names = raw as unknown as SiteNames;
  if (names.papers.length !== paperNodes.length || names.concepts.length !== conceptNodes.length)
    throw new SiteFormatError(file, `has ${names.papers.length} papers and ${names.concepts.length} concepts, the layout ${paperNodes.length} and ${conceptNodes.length}`);
  const key = (nodes: number[], ordinal: number): string => {
    const k = layout.keys[nodes[ordinal] ?? -1];
    if (k === undefined) throw new SiteFormatError(file, `refers to a missing node #${ordinal}`);
    return k;
  };
  const patches: Patches = { nodes: [], edges: [] };
  names.papers.forEach((entry, p) => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1]) || !Array.isArray(entry[2])) throw new SiteFormatError(file, `paper #${p} is malformed`);
    const [title, related, terms] = entry;
    patches.nodes.push([paperNodes[p]!, { title, terms, related: related.map(([other, score, shared]) => ({ key: key(paperNodes, other), score, shared: shared.map((c) => key(conceptNodes, c)) })) }]);
  });
  names.concepts.forEach((entry, c) => {
    if (!Array.isArray(entry) || !Array.isArray(entry[0])) throw new SiteFormatError(file, `concept #${c} is malformed`);
    const [aliases, definition, more] = entry;
    patches.nodes.push([conceptNodes[c]!, { ...(more ?? {}), aliases, ...(definition !== null ? { definition } : {}) }]);
  });
  return patches;
}

/** A text chunk as attribute updates; throws a SiteFormatError naming `file` if it does not fit the layout. */
export function textPatches(decoded: DecodedLayout, raw: unknown, file: string): Patches {
  const { paperNodes, incident } = decoded;
  if (!isObj(raw) || !Array.isArray(raw.records)) throw new SiteFormatError(file, 'needs a "records" array');
  const patches: Patches = { nodes: [], edges: [] };
  for (const r of raw.records as TextRecord[]) {
    const node = paperNodes[r?.p];
    const edges = incident[r?.p];
    if (node === undefined || edges === undefined || typeof r.abstract !== 'string' || !Array.isArray(r.spans) || r.spans.length !== edges.length)
      throw new SiteFormatError(file, `record for paper #${String(r?.p)} is malformed`);
    const attrs: Partial<PaperAttributes> = { ...(r.more ?? {}), abstract: r.abstract };
    if (r.url !== undefined) attrs.url = r.url;
    if (r.authors !== undefined) attrs.authors = r.authors;
    if (r.date !== undefined) attrs.date = r.date;
    patches.nodes.push([node, attrs]);
    edges.forEach((edge, j) => {
      const [title, abstract] = r.spans[j]!;
      patches.edges.push([edge, { ...(r.edgeMore?.[j] ?? {}), titleSpans: pairs(title), abstractSpans: pairs(abstract) }]);
    });
  }
  return patches;
}

/** Applies patches to the decoded nodes and edges in place (the app's atlas shares these attribute objects). */
export function applyPatches(decoded: DecodedLayout, patches: Patches): void {
  for (const [i, attrs] of patches.nodes) Object.assign(decoded.nodes[i]!.attributes, attrs);
  for (const [i, attrs] of patches.edges) Object.assign(decoded.edgeAttributes(i), attrs);
}

/** The whole v1 graph back from the site's files (`read(name)` gives a file's parsed JSON). */
export function decodeSite(read: (file: string) => unknown): SerializedAtlas {
  const decoded = decodeLayout(read(LAYOUT_FILE));
  const { layout } = decoded;
  if (decoded.linksFile !== null) decodeLinks(decoded, read(decoded.linksFile), decoded.linksFile);
  const namesFile = typeof layout.names === 'string' ? layout.names : `${LAYOUT_FILE} (names)`;
  applyPatches(decoded, namesPatches(decoded, typeof layout.names === 'string' ? read(layout.names) : layout.names, namesFile));
  if ('inline' in layout.text) applyPatches(decoded, textPatches(decoded, layout.text.inline, `${LAYOUT_FILE} (text)`));
  else for (const f of layout.text.files) applyPatches(decoded, textPatches(decoded, read(f), f));
  return toSerialized(decoded);
}
