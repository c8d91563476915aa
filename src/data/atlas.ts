// The loaded graph plus typed, read-only lookups the UI needs (papers, concepts, mentions, clusters). Nodes are kept by
// key, edges as columns (src/contract/compact.ts): a mention list is made when a node is first looked at.
import {
  applyPatches,
  decodeLayout,
  encodeSite,
  namesPatches,
  textPatches,
  type DecodedLayout,
  type Patches,
} from '../contract/compact.ts';
import type { AtlasNodeAttributes, ClusterInfo, ConceptAttributes, MentionEdgeAttributes, PaperAttributes, SerializedAtlas } from '../contract/types.ts';
import { truncate } from './text.ts';

/** One paper–concept link, seen from either end. */
export interface Mention {
  paper: string;
  concept: string;
  /** The edge's key (as in the graph file). */
  key: string;
  edge: MentionEdgeAttributes;
}

/** Longest label drawn on the map; the panel always shows the full text. */
export const MAP_LABEL_MAX = 40;

export interface Atlas {
  readonly clusters: readonly ClusterInfo[];
  readonly counts: { papers: number; concepts: number; links: number };
  has(key: string): boolean;
  node(key: string): AtlasNodeAttributes | undefined;
  paper(key: string): PaperAttributes | undefined;
  concept(key: string): ConceptAttributes | undefined;
  cluster(id: number): ClusterInfo | undefined;
  /** Short label for the map (titles truncated). */
  mapLabel(key: string): string;
  /** Full name: a paper's title or a concept's label. */
  name(key: string): string;
  /** A paper's concepts, or a concept's papers, strongest link first. */
  mentions(key: string): Mention[];
  /** Every node key in graph order. */
  readonly keys: readonly string[];
  /** Paper keys and concept keys, in graph order. */
  readonly paperKeys: readonly string[];
  readonly conceptKeys: readonly string[];
  /** A cluster's papers and concepts. */
  members(cluster: number): { papers: readonly string[]; concepts: readonly string[] };
  /** The concepts that share the most papers with a concept (computed on first use), most shared first. */
  cooccurring(key: string): readonly { key: string; papers: number }[];
  /** The text that comes after the map (titles, related papers, abstracts, spans): what is here, and loading more. */
  readonly text: TextState;
}

/** Where the text beyond the layout comes from (src/data/text-loader.ts), or everything already there. */
export interface TextState {
  /** Titles, related papers, terms and concept aliases are in. */
  readonly namesReady: boolean;
  /** The links are in (a big site's come after the first frame; until then every node has no mentions). */
  readonly linksReady: boolean;
  /** The paper's abstract, authors and mention spans are in. */
  hasText(paper: string): boolean;
  /** Papers whose text is in, and all papers. */
  progress(): { loaded: number; total: number };
  /** Loads the names part (once). */
  names(): Promise<void>;
  /** Loads the links (once). */
  links(): Promise<void>;
  /** Loads the text of these papers (the chunks they are in). */
  ensure(papers: Iterable<string>): Promise<void>;
  /** Loads all text, a chunk at a time. */
  loadAll(): Promise<void>;
  /** Called after each part arrives and is merged, with the papers whose text came (none for names and links). */
  subscribe(listener: (papers: readonly string[]) => void): () => void;
}

/** Text state when the graph came whole (tests, a v1 file): everything is in. */
export const completeText: TextState = {
  namesReady: true,
  linksReady: true,
  hasText: () => true,
  progress: () => ({ loaded: 1, total: 1 }),
  names: () => Promise.resolve(),
  links: () => Promise.resolve(),
  ensure: () => Promise.resolve(),
  loadAll: () => Promise.resolve(),
  subscribe: () => () => {},
};

/** Decodes a whole contract-v1 graph the way the app reads a site (tests, a plain graph.json). */
export function decodeWhole(data: SerializedAtlas): DecodedLayout {
  const decoded = decodeLayout(encodeSite(data, { inlineBytes: Infinity, chunkBytes: Infinity }).layout, 'graph.json');
  const { layout } = decoded;
  if (decoded.linksFile !== null) throw new Error('decodeWhole: links are always inline here');
  if (typeof layout.names !== 'string') applyPatches(decoded, namesPatches(decoded, layout.names, 'graph.json'));
  if ('inline' in layout.text) applyPatches(decoded, textPatches(decoded, layout.text.inline, 'graph.json'));
  return decoded;
}

/** Merges names and text patches into the atlas (the data arrives after the map is drawn). */
export function absorb(decoded: DecodedLayout, patches: Patches): void {
  applyPatches(decoded, patches);
}

const MAX_COOCCURRING = 10;

/** The atlas over a decoded layout (or a whole v1 graph, with all its text). */
export function createAtlas(input: DecodedLayout | SerializedAtlas, text: TextState = completeText): Atlas {
  const data = 'edgeAttributes' in input ? input : decodeWhole(input);
  const clusters = [...data.attributes.clusters];
  const clusterById = new Map(clusters.map((c) => [c.id, c]));
  const mapLabels = new Map<string, string>();
  const mentionCache = new Map<string, Mention[]>();
  const keys = data.layout.keys;
  const indexOf = data.index;
  const paperKeys: string[] = [];
  const conceptKeys: string[] = [];
  const membersOf = new Map<number, { papers: string[]; concepts: string[] }>();
  data.nodes.forEach(({ key, attributes: a }) => {
    (a.kind === 'paper' ? paperKeys : conceptKeys).push(key);
    let m = membersOf.get(a.cluster);
    if (!m) membersOf.set(a.cluster, (m = { papers: [], concepts: [] }));
    (a.kind === 'paper' ? m.papers : m.concepts).push(key);
  });
  const n = keys.length;
  /** Edges by node, made when first needed once the links are in. */
  let rows: { offsets: Int32Array; byNode: Int32Array } | null = null;
  const edgeRows = (): typeof rows => (rows ??= data.links ? edgesByNode(n, data.source, data.target) : null);
  const papers = paperKeys.length;
  const node = (key: string): AtlasNodeAttributes | undefined => {
    const i = indexOf.get(key);
    return i === undefined ? undefined : data.nodes[i]!.attributes;
  };
  /** A paper's title (its short label until the names part is in) or a concept's label. */
  const name = (key: string): string => {
    const a = node(key);
    if (!a) return key;
    return a.kind === 'paper' ? a.title || a.label : a.label;
  };
  const together = new Map<string, { key: string; papers: number }[]>();

  const atlas: Atlas = {
    clusters,
    counts: { papers, concepts: n - papers, links: data.linkCount },
    has: (key) => indexOf.has(key),
    node,
    paper(key) {
      const a = node(key);
      return a?.kind === 'paper' ? a : undefined;
    },
    concept(key) {
      const a = node(key);
      return a?.kind === 'concept' ? a : undefined;
    },
    cluster: (id) => clusterById.get(id),
    mapLabel(key) {
      let label = mapLabels.get(key);
      if (label === undefined) {
        const a = node(key);
        label = a ? truncate(a.kind === 'paper' ? a.label || a.title : a.label, MAP_LABEL_MAX) : '';
        mapLabels.set(key, label);
      }
      return label;
    },
    name,
    keys,
    paperKeys,
    conceptKeys,
    members: (id) => membersOf.get(id) ?? { papers: [], concepts: [] },
    cooccurring(key) {
      let list = together.get(key);
      if (!list) together.set(key, (list = cooccurring(atlas, key)));
      return list;
    },
    text,
    mentions(key) {
      const cached = mentionCache.get(key);
      if (cached) return cached;
      const list: Mention[] = [];
      const i = indexOf.get(key);
      const byEdge = edgeRows();
      // Before the links are in: none, and nothing remembered.
      if (!byEdge) return list;
      const { offsets, byNode } = byEdge;
      if (i !== undefined) {
        for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
          const e = byNode[j]!;
          const s = data.source[e]!;
          const t = data.target[e]!;
          const sourceIsPaper = data.nodes[s]!.attributes.kind === 'paper';
          list.push({ paper: keys[sourceIsPaper ? s : t]!, concept: keys[sourceIsPaper ? t : s]!, key: data.edgeKey(e), edge: data.edgeAttributes(e) });
        }
      }
      list.sort((a, b) => b.edge.weight - a.edge.weight);
      mentionCache.set(key, list);
      return list;
    },
  };
  return atlas;
}

/** Each node's edges: a counting sort of both ends into one offsets + list pair (compressed sparse rows). */
function edgesByNode(n: number, source: Int32Array, target: Int32Array): { offsets: Int32Array; byNode: Int32Array } {
  const m = source.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[source[e]! + 1]! += 1;
    offsets[target[e]! + 1]! += 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const byNode = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    byNode[fill[source[e]!]!++] = e;
    byNode[fill[target[e]!]!++] = e;
  }
  return { offsets, byNode };
}

/** The concepts found in the same papers as `key`, by number of shared papers (one pass over its papers). */
function cooccurring(atlas: Atlas, key: string): { key: string; papers: number }[] {
  const row = new Map<string, number>();
  for (const m of atlas.mentions(key)) {
    for (const other of atlas.mentions(m.paper)) if (other.concept !== key) row.set(other.concept, (row.get(other.concept) ?? 0) + 1);
  }
  return [...row]
    // A concept seen once together with this one says little when there are many others.
    .filter(([, n]) => n >= 2 || row.size <= MAX_COOCCURRING)
    .sort((x, y) => y[1] - x[1] || atlas.name(x[0]).localeCompare(atlas.name(y[0])))
    .slice(0, MAX_COOCCURRING)
    .map(([other, papers]) => ({ key: other, papers }));
}
