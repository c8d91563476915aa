// The graph file contract, v1: the one shape that scripts/ writes and src/ reads.
// It is graphology's serialized format with typed attributes (see README "The graph file").

export const SCHEMA_VERSION = 1 as const;

export type NodeKind = 'paper' | 'concept';

/** How a concept was found; decides how much a shared concept counts for relatedness. */
export type ConceptType = 'acronym' | 'token' | 'phrase' | 'word';

export interface ClusterInfo {
  id: number;
  /** Name made from the cluster's most distinctive concepts, e.g. "LLM quantization · KV cache". */
  label: string;
  color: string;
  /** Number of papers in the cluster. */
  size: number;
  /** Keys of the concepts the name was made from, most distinctive first (the evidence). */
  top: string[];
}

export interface BuildInfo {
  /** File name of the input corpus (no directory, so builds on two machines agree). */
  input: string;
  format: 'trending-text' | 'json' | 'jsonl';
  papers: number;
  skipped: number;
  concepts: number;
  edges: number;
  /** Mean distance of related papers over mean distance of random paper pairs (lower is better). */
  layoutQuality: number;
  options: Record<string, number | string | boolean>;
}

export interface GraphAttributes {
  schemaVersion: typeof SCHEMA_VERSION;
  clusters: ClusterInfo[];
  build: BuildInfo;
}

export interface RelatedPaper {
  key: string;
  score: number;
  /** Concept keys both papers are linked to, most specific first. */
  shared: string[];
}

interface NodeBase {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  cluster: number;
}

export interface PaperAttributes extends NodeBase {
  kind: 'paper';
  /** Exactly as in the input. */
  title: string;
  abstract: string;
  url?: string;
  authors?: string[];
  date?: string;
  related: RelatedPaper[];
  /** This paper's own specific terms that no other paper shares (shown in its panel, not nodes). */
  terms: string[];
}

export interface ConceptAttributes extends NodeBase {
  kind: 'concept';
  conceptType: ConceptType;
  /** Every other surface form found: plurals, acronym or long form, spelling variants. */
  aliases: string[];
  /** Long form of an acronym when the corpus defines it. */
  definition?: string;
  /** Number of papers linked to this concept. */
  papers: number;
}

export type AtlasNodeAttributes = PaperAttributes | ConceptAttributes;

/** [start, end) character offsets of one mention. */
export type Span = [number, number];

export interface MentionEdgeAttributes {
  kind: 'mentions';
  weight: number;
  /** Where the concept occurs in the paper's title and abstract (for highlighting). */
  titleSpans: Span[];
  abstractSpans: Span[];
}

export type AtlasEdgeAttributes = MentionEdgeAttributes;

export interface SerializedNode<A> {
  key: string;
  attributes: A;
}

export interface SerializedEdge<A> {
  key: string;
  source: string;
  target: string;
  undirected?: boolean;
  attributes: A;
}

export interface SerializedAtlas {
  attributes: GraphAttributes;
  options: { type: 'undirected'; multi: false; allowSelfLoops: false };
  nodes: SerializedNode<AtlasNodeAttributes>[];
  edges: SerializedEdge<AtlasEdgeAttributes>[];
}
