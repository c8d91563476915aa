// Keeps the selection in the URL hash (#node=<key>): reload and shared links restore it, back/forward walk selections.
import type { Atlas } from '../data/atlas.ts';
import { clearSelection, select, type AppState } from '../state/state.ts';
import type { Store } from '../state/store.ts';

/** The node key in a hash like "#node=kv%20cache", or null. Never throws on malformed input. */
export function keyFromHash(hash: string): string | null {
  try {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const key = params.get('node');
    return key ? key : null;
  } catch {
    return null;
  }
}

export function hashForKey(key: string | null): string {
  return key === null ? '' : `#node=${encodeURIComponent(key)}`;
}

export function setupHashSync(store: Store<AppState>, atlas: Atlas): () => void {
  const fromUrl = (): void => {
    const key = keyFromHash(window.location.hash);
    // An unknown key (typo, crafted link) simply selects nothing.
    store.set((s) => (key !== null && atlas.has(key) ? select(s, key, 'url') : clearSelection(s, 'url')));
  };
  const toUrl = (state: AppState, previous: AppState): void => {
    if (state.selected === previous.selected || state.via === 'url') return;
    const hash = hashForKey(state.selected);
    if (keyFromHash(window.location.hash) === state.selected) return;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    window.history.pushState(null, '', url);
  };
  fromUrl();
  const unsubscribe = store.subscribe(toUrl);
  window.addEventListener('hashchange', fromUrl);
  window.addEventListener('popstate', fromUrl);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', fromUrl);
    window.removeEventListener('popstate', fromUrl);
  };
}
