// Keeps the whole view in the URL hash: selections push history entries (back/forward walk them), filters, search and camera replace it.
import type { Atlas } from '../data/atlas.ts';
import { readCamera } from '../map/camera.ts';
import type { AtlasSigma } from '../map/renderer.ts';
import { applyFilters, clearSelection, select, setListView, setSearch, type AppState } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { formatViewHash, parseViewHash, type CameraParam, type UrlView } from '../state/url.ts';

/** The view in the current URL (hash, plus "?embed"). */
export function readUrlView(): UrlView {
  return parseViewHash(window.location.hash, window.location.search);
}

/** `state` with the URL's selection, filters, cluster, search and list toggle; unknown keys and clusters are dropped. */
export function applyUrlView(state: AppState, view: UrlView, atlas: Atlas): AppState {
  const clusterIds = new Set(atlas.clusters.map((c) => c.id));
  const hiddenClusters = view.filters.hiddenClusters.filter((id) => clusterIds.has(id));
  let next = view.selected !== null && atlas.has(view.selected) ? select(state, view.selected, 'url') : clearSelection(state, 'url');
  next = applyFilters(next, { ...view.filters, hiddenClusters });
  const cluster = view.cluster !== null && clusterIds.has(view.cluster) && !hiddenClusters.includes(view.cluster) ? view.cluster : null;
  if (next.cluster !== cluster) next = { ...next, cluster };
  return setListView(setSearch(next, view.search), view.listView);
}

const DEFAULT_CAMERA: CameraParam = { x: 0.5, y: 0.5, ratio: 1 };
const sameCamera = (a: CameraParam, b: CameraParam): boolean => a.x === b.x && a.y === b.y && a.ratio === b.ratio;

/** The current view's hash. */
export function currentHash(state: AppState, sigma: AtlasSigma, embed: boolean): string {
  const camera = readCamera(sigma);
  return formatViewHash({
    selected: state.selected,
    filters: state.filters,
    cluster: state.cluster,
    search: state.search,
    listView: state.listView,
    camera: sameCamera(camera, DEFAULT_CAMERA) ? null : camera,
    embed,
  });
}

export function setupHashSync(store: Store<AppState>, atlas: Atlas, sigma: AtlasSigma, embed: boolean): () => void {
  let timer: number | undefined;
  const url = (hash: string): string => `${window.location.pathname}${window.location.search}${hash}`;
  const write = (push: boolean): void => {
    window.clearTimeout(timer);
    pending = false;
    const hash = currentHash(store.get(), sigma, embed);
    if (hash === window.location.hash || (hash === '' && window.location.hash === '')) return;
    if (push) window.history.pushState(null, '', url(hash));
    else window.history.replaceState(null, '', url(hash) || window.location.pathname);
  };
  // Typing and camera moves are written at most every 300 ms (browsers throttle history updates), the last one included.
  let pending = false;
  const writeSoon = (): void => {
    if (pending) return;
    pending = true;
    timer = window.setTimeout(() => {
      pending = false;
      write(false);
    }, 300);
  };

  const fromUrl = (): void => {
    const view = readUrlView();
    store.set((s) => applyUrlView(s, view, atlas));
    if (view.camera && view.selected === null) {
      void sigma.getCamera().animate({ ...view.camera, angle: 0 }, { duration: 300 });
    }
  };
  const toUrl = (state: AppState, previous: AppState): void => {
    if (state.selected !== previous.selected) {
      if (state.via !== 'url') write(true);
      return;
    }
    if (
      state.filters !== previous.filters ||
      state.cluster !== previous.cluster ||
      state.search !== previous.search ||
      state.listView !== previous.listView
    )
      writeSoon();
  };
  const unsubscribe = store.subscribe(toUrl);
  const camera = sigma.getCamera();
  camera.on('updated', writeSoon);
  window.addEventListener('popstate', fromUrl);
  window.addEventListener('hashchange', fromUrl);
  return () => {
    window.clearTimeout(timer);
    unsubscribe();
    camera.off('updated', writeSoon);
    window.removeEventListener('popstate', fromUrl);
    window.removeEventListener('hashchange', fromUrl);
  };
}
