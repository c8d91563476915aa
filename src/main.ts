// Entry point: loads the site's layout file, draws the map, then (after the first frame) sets up the rest of the page
// from a separately loaded module and fetches the text — titles, related papers, abstracts — in the background.
import Graph from 'graphology';
import { createAtlas } from './data/atlas.ts';
import { fetchPart, loadSite } from './data/load.ts';
import { createTextLoader } from './data/text-loader.ts';
import { createViewCache } from './data/view.ts';
import { createFilterResolver } from './filter/apply.ts';
import { createDisplay, needsLinksFirst } from './map/display.ts';
import { setupMap } from './map/map.ts';
import { createRenderer } from './map/renderer.ts';
import type { LiveIndex } from './search/live-index.ts';
import { initialState } from './state/state.ts';
import { createStore } from './state/store.ts';
import { applyUrlView, readUrlView, setupHashSync } from './ui/hash.ts';
import { setupHeaderOffset } from './ui/layout.ts';
import { hideStatus, showError, showLoading } from './ui/status.ts';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html is missing #${id}`);
  return element as T;
}

async function main(): Promise<void> {
  const status = byId('status');
  showLoading(status);
  const result = await loadSite('./');
  if (!result.ok) {
    showError(status, result.title, result.details, result.hint);
    document.body.classList.add('has-error');
    return;
  }
  hideStatus(status);
  performance.mark('atlas:data');

  const text = createTextLoader(result.decoded, (file) => fetchPart('./', file));
  const atlas = createAtlas(result.decoded, text);
  text.attach(atlas);
  // The URL first, so a shared view (selection, filters, camera) is in place before the map draws.
  const fromUrl = readUrlView();
  const store = createStore(applyUrlView(initialState, fromUrl, atlas));
  // A big site's links come after the first frame, unless that frame needs them.
  if (needsLinksFirst(atlas, store.get())) await text.links();
  /** The search index, once the explorer module is in (it suggests names for unknown filter terms). */
  let index: LiveIndex | null = null;
  let suggest: ((name: string) => string | null) | null = null;
  const views = createViewCache(atlas, createFilterResolver(atlas, (name) => suggest?.(name) ?? null));
  const panel = byId('panel');
  const listView = byId('list-view');

  performance.mark('atlas:model');
  const display = createDisplay(atlas);
  performance.mark('atlas:display');
  // Sigma starts on an empty graph and gets the map once its reducers are in place: one pass over the nodes, not two.
  // (Starting it before the layout file is in, to overlap its WebGL start-up with the download, made a big map's
  // first frame slower here: the new canvases compete with the decoding for the two cores.)
  const sigma = createRenderer(byId('map'), new Graph());
  performance.mark('atlas:renderer');
  const header = byId('header');
  const shown = (e: HTMLElement): DOMRect[] => (e.hidden || getComputedStyle(e).display === 'none' ? [] : [e.getBoundingClientRect()]);
  const covers = (): DOMRect[] => [...shown(header), ...shown(panel), ...shown(listView)];
  const floating = ['legend', 'zoom', 'embed-bar'].map((id) => byId(id));
  /** While a PNG is made, every label is drawn, even those the page's cards would hide. */
  let exporting = false;
  let pageIsReady: () => void = () => {};
  const pageReady = new Promise<void>((resolve) => (pageIsReady = resolve));
  setupMap(sigma, store, atlas, {
    covers,
    obstacles: () => (exporting ? [] : [...covers(), ...floating.flatMap(shown)]),
    views,
    initialCamera: fromUrl.camera,
    display,
    pageReady,
  });
  // Labels give way to the cards over the map: when one opens, closes or changes size, they are laid out again.
  const coverWatch = new ResizeObserver(() => sigma.scheduleRender());
  for (const e of [header, panel, listView, ...floating]) coverWatch.observe(e);
  setupHashSync(store, atlas, sigma, fromUrl.embed);
  setupHeaderOffset(header);
  performance.mark('atlas:map');
  sigma.once('afterRender', () => measureSinceStart('atlas:first-render'));
  sigma.setGraph(display.graph);
  await nextFrame();

  // After the first frame: the rest of the page, the titles and the links; the abstracts follow in the background.
  const [explorer] = await Promise.all([import('./ui/explorer.ts'), text.names(), text.links()]);
  // A concept filter from the URL may name an alias: with the names in, the filtered view is derived again.
  if (store.get().filters.query.trim()) store.set((s) => ({ ...s, filters: { ...s.filters } }));
  ({ index } = explorer.setupExplorer(store, atlas, {
    byId,
    sigma,
    views,
    embed: fromUrl.embed,
    unobstructed: () => {
      exporting = true;
      return () => (exporting = false);
    },
  }));
  const live = index;
  suggest = (name) => {
    const current = live.current();
    return current ? explorer.closestConcept(current, name) : null;
  };
  for (const id of ['filters-toggle', 'list-toggle']) byId<HTMLButtonElement>(id).disabled = false;
  byId<HTMLInputElement>('search-input').disabled = false;
  pageIsReady();
  document.body.classList.add('is-ready');
  measureSinceStart('atlas:ready');
  // Tests and tools read data-text: "loading", then "complete" (or "failed").
  document.body.dataset.text = text.progress().loaded >= text.progress().total ? 'complete' : 'loading';
  void text
    .loadAll()
    .then(() => (document.body.dataset.text = 'complete'))
    .catch((error: unknown) => {
      document.body.dataset.text = 'failed';
      console.warn('abstracts could not be loaded:', error);
    });
}

/** Resolves at the next frame (the map drawn so far reaches the screen before more work starts). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** A User Timing measure from navigation start (the browser tests read these; so can the performance panel). */
function measureSinceStart(name: string): void {
  try {
    performance.measure(name, { start: 0, end: performance.now() });
  } catch {
    // informative only
  }
}

void main().catch((error: unknown) => {
  showError(byId('status'), 'The map could not start.', [error instanceof Error ? error.message : String(error)], 'Reload the page; if it keeps failing, the browser may lack WebGL.');
  document.body.classList.add('has-error');
  console.error(error);
});
