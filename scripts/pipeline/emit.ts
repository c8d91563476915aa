// Emit stage: the graph in a canonical order (nodes by kind then key, edges by key) so the same input gives the same bytes.
import type { SerializedAtlas } from '../../src/contract/types.ts';

type Draft = Omit<SerializedAtlas, 'options'>;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function emitAtlas(draft: Draft): SerializedAtlas {
  return {
    attributes: draft.attributes,
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [...draft.nodes].sort((a, b) => cmp(a.attributes.kind, b.attributes.kind) || cmp(a.key, b.key)),
    // Written out rather than spread: V8 keeps spread copies in a slower, larger form (millions of edges at scale).
    edges: draft.edges.map((e) => ({ key: e.key, source: e.source, target: e.target, attributes: e.attributes, undirected: true as const })).sort((a, b) => cmp(a.key, b.key)),
  };
}

/** The file's text: compact JSON and a final newline. */
export const serializeAtlas = (atlas: SerializedAtlas): string => `${JSON.stringify(atlas)}\n`;
