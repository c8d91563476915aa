// Emit stage: the graph in a canonical order (nodes by kind then key, edges by key) so the same input gives the same bytes.
import type { MentionEdgeAttributes, SerializedAtlas } from '../../src/contract/types.ts';

/**
 * An object that can write its own JSON — exactly what JSON.stringify would give — faster than JSON.stringify walks it:
 * writeJson uses it for the millions of edges of a big map.
 */
export interface JsonText {
  jsonText(): string;
}

/** Edges as the file holds them, each saying it is undirected. */
export type EmitEdge = SerializedAtlas['edges'][number] & { undirected: true };

/**
 * An edge whose key is "source|target", made when read rather than stored: a map of 100,000 papers has 2.5 million
 * edges, and their stored keys took ~330 MB. It reads, and serializes, as the plain object
 * { key, source, target, attributes, undirected }.
 */
export class PairEdge implements EmitEdge, JsonText {
  constructor(
    readonly source: string,
    readonly target: string,
    readonly attributes: MentionEdgeAttributes,
  ) {}

  get key(): string {
    return `${this.source}|${this.target}`;
  }

  get undirected(): true {
    return true;
  }

  toJSON(): EmitEdge {
    return { key: this.key, source: this.source, target: this.target, attributes: this.attributes, undirected: true };
  }

  /** JSON.stringify(this), made directly (see JsonText). */
  jsonText(): string {
    const source = JSON.stringify(this.source);
    const target = JSON.stringify(this.target);
    const a = this.attributes as MentionEdgeAttributes & Partial<JsonText>;
    // The key's JSON is the two quoted keys joined by "|": JSON escapes character by character.
    return `{"key":${source.slice(0, -1)}|${target.slice(1)},"source":${source},"target":${target},"attributes":${typeof a.jsonText === 'function' ? a.jsonText() : JSON.stringify(a)},"undirected":true}`;
  }
}

type Draft = Omit<SerializedAtlas, 'options' | 'edges'> & { edges: EmitEdge[] };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Edges by key; two PairEdges of one source by their targets, without making their keys. */
function byKey(a: EmitEdge, b: EmitEdge): number {
  if (a instanceof PairEdge && b instanceof PairEdge && a.source === b.source) return cmp(a.target, b.target);
  return cmp(a.key, b.key);
}

export function emitAtlas(draft: Draft): SerializedAtlas {
  return {
    attributes: draft.attributes,
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [...draft.nodes].sort((a, b) => cmp(a.attributes.kind, b.attributes.kind) || cmp(a.key, b.key)),
    // The draft's own edge objects: copies of millions of edges would cost gigabytes.
    edges: [...draft.edges].sort(byKey),
  };
}

/** The file's text: compact JSON and a final newline. */
export const serializeAtlas = (atlas: SerializedAtlas): string => `${JSON.stringify(atlas)}\n`;
