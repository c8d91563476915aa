// The site's compact format: its files' names, the shapes of its parts, and the helpers that encoding
// (./compact.ts) and decoding (./site-decode.ts) share. See README "The site files".
import type { GraphAttributes, SerializedAtlas, Span } from './types.ts';

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

export const PAPER_FIELDS = new Set(['kind', 'label', 'title', 'abstract', 'url', 'authors', 'date', 'related', 'terms', 'x', 'y', 'size', 'color', 'cluster']);
export const CONCEPT_FIELDS = new Set(['kind', 'conceptType', 'label', 'aliases', 'definition', 'papers', 'x', 'y', 'size', 'color', 'cluster']);
export const EDGE_FIELDS = new Set(['kind', 'weight', 'titleSpans', 'abstractSpans']);

export const others = (attrs: object, known: Set<string>): Record<string, unknown> | null => {
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
export function digitsFor(values: number[]): number {
  for (let d = 0; d <= 6; d++) {
    const f = 10 ** d;
    if (values.every((v) => Math.round(v * f) / f === v)) return d;
  }
  return -1;
}
export const scaled = (values: number[], d: number): number[] => (d < 0 ? values : values.map((v) => Math.round(v * 10 ** d)));
export const unscaled = (values: number[], d: number): number[] => (d < 0 ? values : values.map((v) => v / 10 ** d));
export const flat = (spans: Span[]): number[] => spans.flatMap((s) => [s[0], s[1]]);
export const pairs = (flatSpans: number[]): Span[] => {
  const out: Span[] = [];
  for (let i = 0; i + 1 < flatSpans.length; i += 2) out.push([flatSpans[i]!, flatSpans[i + 1]!]);
  return out;
};

