// The search index as the text arrives: built over names once they are in, then abstracts added chunk by chunk.
import type { Atlas } from '../data/atlas.ts';
import { addAbstracts, buildIndex, type SearchIndex } from './search-index.ts';

export interface LiveIndex {
  /** The index, or null while the names part is not in yet. */
  current(): SearchIndex | null;
  /** Abstracts indexed so far, of all papers. */
  abstracts(): { indexed: number; total: number };
  /** Called when the index grows. */
  subscribe(listener: () => void): () => void;
}

export function createLiveIndex(atlas: Atlas): LiveIndex {
  let index: SearchIndex | null = null;
  const listeners = new Set<() => void>();
  const update = (papers?: readonly string[]): void => {
    if (!atlas.text.namesReady) return;
    if (!index) index = buildIndex(atlas);
    else if (addAbstracts(index, atlas, papers) === 0) return;
    for (const l of [...listeners]) l();
  };
  atlas.text.subscribe((papers) => update(papers));
  update();
  return {
    current: () => index,
    abstracts: () => ({ indexed: index?.withAbstract.size ?? 0, total: atlas.counts.papers }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
