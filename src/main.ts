// Entry point: loads ./graph.json, then wires the store to the map, search, filters, list view, legend, panel, export and URL.
import { createAtlas } from './data/atlas.ts';
import { loadGraph } from './data/load.ts';
import { createViewCache } from './data/view.ts';
import { createFilterResolver } from './filter/apply.ts';
import { setupMap } from './map/map.ts';
import { createRenderer } from './map/renderer.ts';
import { buildIndex, closestConcept } from './search/search-index.ts';
import { initialState } from './state/state.ts';
import { createStore } from './state/store.ts';
import { createAnnouncer } from './ui/announce.ts';
import { setupEmbed } from './ui/embed.ts';
import { setupExport } from './ui/export.ts';
import { setupFilters } from './ui/filters.ts';
import { applyUrlView, currentHash, readUrlView, setupHashSync } from './ui/hash.ts';
import { setupHeaderOffset } from './ui/layout.ts';
import { setupLegend } from './ui/legend.ts';
import { setupListView } from './ui/list-view.ts';
import { setupPanel } from './ui/panel.ts';
import { setupSearch } from './ui/search.ts';
import { hideStatus, showError, showLoading } from './ui/status.ts';
import { setupZoom } from './ui/zoom.ts';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html is missing #${id}`);
  return element as T;
}

async function main(): Promise<void> {
  const status = byId('status');
  showLoading(status);
  const result = await loadGraph('./graph.json');
  if (!result.ok) {
    showError(status, result.title, result.details, result.hint);
    document.body.classList.add('has-error');
    return;
  }
  hideStatus(status);

  const atlas = createAtlas(result.data);
  // The URL first, so a shared view (selection, filters, camera) is in place before the map draws.
  const fromUrl = readUrlView();
  const store = createStore(applyUrlView(initialState, fromUrl, atlas));
  const index = buildIndex(atlas);
  const views = createViewCache(atlas, createFilterResolver(atlas, (name) => closestConcept(index, name)));
  const panel = byId('panel');
  const listView = byId('list-view');
  const input = byId<HTMLInputElement>('search-input');
  const announce = createAnnouncer(byId('announcer'));

  const sigma = createRenderer(byId('map'), atlas);
  const header = byId('header');
  const shown = (e: HTMLElement): DOMRect[] => (e.hidden || getComputedStyle(e).display === 'none' ? [] : [e.getBoundingClientRect()]);
  const covers = (): DOMRect[] => [...shown(header), ...shown(panel), ...shown(listView)];
  const floating = ['legend', 'zoom', 'embed-bar'].map((id) => byId(id));
  /** While a PNG is made, every label is drawn, even those the page's cards would hide. */
  let exporting = false;
  setupMap(sigma, store, atlas, {
    covers,
    obstacles: () => (exporting ? [] : [...covers(), ...floating.flatMap(shown)]),
    views,
    initialCamera: fromUrl.camera,
  });
  sigma.once('afterRender', () => measureSinceStart('atlas:first-render'));
  setupHashSync(store, atlas, sigma, fromUrl.embed);
  setupPanel(panel, store, atlas, { announce, returnFocus: () => input });
  setupSearch({ input, list: byId('search-results'), empty: byId('search-empty'), status: byId('search-status') }, store, atlas, index);
  setupLegend(byId('legend'), store, atlas);
  setupFilters(byId('filters'), byId<HTMLButtonElement>('filters-toggle'), store, atlas, views);
  setupListView(listView, byId<HTMLButtonElement>('list-toggle'), store, atlas, views);
  setupHeaderOffset(header);
  setupExport(byId('export'), store, atlas, {
    sigma,
    views,
    announce,
    unobstructed: () => {
      exporting = true;
      return () => (exporting = false);
    },
  });
  setupZoom(byId('zoom'), sigma);
  if (fromUrl.embed) setupEmbed(byId('embed-bar'), () => currentHash(store.get(), sigma, false));
  for (const id of ['filters-toggle', 'list-toggle']) byId<HTMLButtonElement>(id).disabled = false;
  input.disabled = false;
  document.body.classList.add('is-ready');
  measureSinceStart('atlas:ready');
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
