// Emit stage: the graph in a canonical order (nodes by kind then key, edges by key) so the same input gives the same bytes.
import type { SerializedAtlas } from '../../src/contract/types.ts';

/** Edges as the file holds them, each saying it is undirected. */
export type EmitEdge = SerializedAtlas['edges'][number] & { undirected: true };

type Draft = Omit<SerializedAtlas, 'options' | 'edges'> & { edges: EmitEdge[] };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function emitAtlas(draft: Draft): SerializedAtlas {
  return {
    attributes: draft.attributes,
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [...draft.nodes].sort((a, b) => cmp(a.attributes.kind, b.attributes.kind) || cmp(a.key, b.key)),
    // The draft's own edge objects: copies of millions of edges would cost gigabytes.
    edges: [...draft.edges].sort((a, b) => cmp(a.key, b.key)),
  };
}

/** The file's text: compact JSON and a final newline. */
export const serializeAtlas = (atlas: SerializedAtlas): string => `${JSON.stringify(atlas)}\n`;
