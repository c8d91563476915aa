// Entry point: loads ./graph.json, then wires the store to the map, search, legend, panel and URL hash.
import { createAtlas } from './data/atlas.ts';
import { loadGraph } from './data/load.ts';
import { setupMap } from './map/map.ts';
import { createRenderer } from './map/renderer.ts';
import { initialState } from './state/state.ts';
import { createStore } from './state/store.ts';
import { createAnnouncer } from './ui/announce.ts';
import { setupHashSync } from './ui/hash.ts';
import { setupLegend } from './ui/legend.ts';
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
  const store = createStore(initialState);
  const panel = byId('panel');
  const input = byId<HTMLInputElement>('search-input');
  const announce = createAnnouncer(byId('announcer'));

  // Hash first, so a deep link is already selected when the map and panel start.
  setupHashSync(store, atlas);
  const sigma = createRenderer(byId('map'), atlas);
  const header = byId('header');
  setupMap(sigma, store, atlas, { covers: () => [header.getBoundingClientRect(), ...(panel.hidden ? [] : [panel.getBoundingClientRect()])] });
  setupPanel(panel, store, atlas, { announce, returnFocus: () => input });
  setupSearch({ input, list: byId('search-results'), empty: byId('search-empty'), status: byId('search-status') }, store, atlas);
  setupLegend(byId('legend'), atlas);
  setupZoom(byId('zoom'), sigma);
  input.disabled = false;
  document.body.classList.add('is-ready');
}

void main().catch((error: unknown) => {
  showError(byId('status'), 'The map could not start.', [error instanceof Error ? error.message : String(error)], 'Reload the page; if it keeps failing, the browser may lack WebGL.');
  document.body.classList.add('has-error');
  console.error(error);
});
