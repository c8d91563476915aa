// The site's compact form of a contract-v1 graph: a columnar layout file (everything the first frame needs), a names
// part (titles, related papers, terms, aliases) and text chunks (abstracts, authors, mention spans), all derived from
// the v1 file by pure functions. This file encodes them (the build writes them: scripts/site-data.ts); the format is in
// ./site-format.ts and decoding in ./site-decode.ts (the app reads them: src/data/load.ts), both re-exported here.
import type { SerializedAtlas } from './types.ts';

import {
  CONCEPT_FIELDS,
  EDGE_FIELDS,
  ENCODE_DEFAULTS,
  type EncodeOptions,
  LAYOUT_FILE,
  LINKS_FILE,
  PAPER_FIELDS,
  SITE_FORMAT,
  SITE_VERSION,
  type SiteLayout,
  type SiteLinks,
  type SiteNames,
  type SiteParts,
  type SiteText,
  type TextRecord,
  digitsFor,
  flat,
  others,
  scaled,
} from './site-format.ts';

export * from './site-format.ts';
export * from './site-decode.ts';

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
