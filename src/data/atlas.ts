// The loaded graph plus typed, read-only lookups the UI needs (papers, concepts, mentions, clusters).
import Graph from 'graphology';
import type {
  AtlasEdgeAttributes,
  AtlasNodeAttributes,
  ClusterInfo,
  ConceptAttributes,
  GraphAttributes,
  MentionEdgeAttributes,
  PaperAttributes,
  SerializedAtlas,
} from '../contract/types.ts';
import { truncate } from './text.ts';

export type AtlasGraph = Graph<AtlasNodeAttributes, AtlasEdgeAttributes, GraphAttributes>;

/** One paper–concept link, seen from either end. */
export interface Mention {
  paper: string;
  concept: string;
  edge: MentionEdgeAttributes;
}

/** Longest label drawn on the map; the panel always shows the full text. */
export const MAP_LABEL_MAX = 40;

export interface Atlas {
  readonly graph: AtlasGraph;
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
  /** Paper keys and concept keys, in graph order. */
  readonly paperKeys: readonly string[];
  readonly conceptKeys: readonly string[];
  /** A cluster's papers and concepts. */
  members(cluster: number): { papers: readonly string[]; concepts: readonly string[] };
  /** The concepts that share the most papers with a concept (computed once at load), most shared first. */
  cooccurring(key: string): readonly { key: string; papers: number }[];
}

const MAX_COOCCURRING = 10;

export function createAtlas(data: SerializedAtlas): Atlas {
  const graph = Graph.from<AtlasNodeAttributes, AtlasEdgeAttributes, GraphAttributes>(data) as AtlasGraph;
  const clusters = [...data.attributes.clusters];
  const clusterById = new Map(clusters.map((c) => [c.id, c]));
  const names = new Map<string, string>();
  const mapLabels = new Map<string, string>();
  let papers = 0;
  graph.forEachNode((key, a) => {
    const name = a.kind === 'paper' ? a.title : a.label;
    names.set(key, name);
    mapLabels.set(key, truncate(a.kind === 'paper' ? a.label || a.title : a.label, MAP_LABEL_MAX));
    if (a.kind === 'paper') papers += 1;
  });
  const mentionCache = new Map<string, Mention[]>();
  const paperKeys: string[] = [];
  const conceptKeys: string[] = [];
  const membersOf = new Map<number, { papers: string[]; concepts: string[] }>();
  graph.forEachNode((key, a) => {
    (a.kind === 'paper' ? paperKeys : conceptKeys).push(key);
    let m = membersOf.get(a.cluster);
    if (!m) membersOf.set(a.cluster, (m = { papers: [], concepts: [] }));
    (a.kind === 'paper' ? m.papers : m.concepts).push(key);
  });
  const together = cooccurrence(graph, paperKeys, names);

  const node = (key: string): AtlasNodeAttributes | undefined => (graph.hasNode(key) ? graph.getNodeAttributes(key) : undefined);

  return {
    graph,
    clusters,
    counts: { papers, concepts: graph.order - papers, links: graph.size },
    has: (key) => graph.hasNode(key),
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
    mapLabel: (key) => mapLabels.get(key) ?? '',
    name: (key) => names.get(key) ?? key,
    paperKeys,
    conceptKeys,
    members: (id) => membersOf.get(id) ?? { papers: [], concepts: [] },
    cooccurring: (key) => together.get(key) ?? [],
    mentions(key) {
      const cached = mentionCache.get(key);
      if (cached) return cached;
      const list: Mention[] = [];
      if (graph.hasNode(key)) {
        graph.forEachEdge(key, (_edge, attrs, source, target) => {
          const paper = graph.getNodeAttribute(source, 'kind') === 'paper' ? source : target;
          list.push({ paper, concept: paper === source ? target : source, edge: attrs });
        });
      }
      list.sort((a, b) => b.edge.weight - a.edge.weight);
      mentionCache.set(key, list);
      return list;
    },
  };
}

/** For every concept, the concepts found in the same papers, by number of shared papers (one pass over the papers). */
function cooccurrence(graph: AtlasGraph, paperKeys: readonly string[], names: Map<string, string>): Map<string, { key: string; papers: number }[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const paper of paperKeys) {
    const concepts = graph.neighbors(paper);
    for (const a of concepts) {
      let row = counts.get(a);
      if (!row) counts.set(a, (row = new Map()));
      for (const b of concepts) if (b !== a) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const out = new Map<string, { key: string; papers: number }[]>();
  for (const [key, row] of counts) {
    const list = [...row]
      // A concept seen once together with this one says little when there are many others.
      .filter(([, n]) => n >= 2 || row.size <= MAX_COOCCURRING)
      .sort((x, y) => y[1] - x[1] || (names.get(x[0]) ?? '').localeCompare(names.get(y[0]) ?? ''))
      .slice(0, MAX_COOCCURRING)
      .map(([other, papers]) => ({ key: other, papers }));
    out.set(key, list);
  }
  return out;
}
