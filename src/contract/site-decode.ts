// Decoding the site's files back into the graph: the layout first (what the first frame needs), then the links, the
// names part and the text chunks as attribute patches. Every check names the file and the problem.
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
} from './types.ts';

import {
  LAYOUT_FILE,
  SITE_FORMAT,
  SITE_VERSION,
  SiteFormatError,
  type SiteLayout,
  type SiteLinks,
  type SiteNames,
  type TextRecord,
  pairs,
  unscaled,
} from './site-format.ts';

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

