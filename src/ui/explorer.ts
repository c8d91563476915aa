// Everything around the map — panel, search, legend, filters, list view, export, zoom, embed bar — set up after the
// map's first frame (src/main.ts imports this file dynamically, so the first load carries only the map).
import type { Atlas } from '../data/atlas.ts';
import type { View } from '../data/view.ts';
import type { AtlasSigma } from '../map/renderer.ts';
import { createLiveIndex, type LiveIndex } from '../search/live-index.ts';
import type { AppState, Filters } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { createAnnouncer } from './announce.ts';
import { setupEmbed } from './embed.ts';
import { setupExport } from './export.ts';
import { setupFilters } from './filters.ts';
import { currentHash } from './hash.ts';
import { setupLegend } from './legend.ts';
import { setupListView } from './list-view.ts';
import { setupPanel } from './panel.ts';
import { setupSearch } from './search.ts';
import { setupZoom } from './zoom.ts';

export { closestConcept } from '../search/search-index.ts';

export interface ExplorerOptions {
  byId: <T extends HTMLElement>(id: string) => T;
  sigma: AtlasSigma;
  views: (filters: Filters) => View;
  embed: boolean;
  /** Lets labels hidden under the page's cards be drawn for an exported image; returns the undo. */
  unobstructed: () => () => void;
}

export function setupExplorer(store: Store<AppState>, atlas: Atlas, options: ExplorerOptions): { index: LiveIndex } {
  const { byId, sigma, views } = options;
  const index = createLiveIndex(atlas);
  const input = byId<HTMLInputElement>('search-input');
  const announce = createAnnouncer(byId('announcer'));
  setupPanel(byId('panel'), store, atlas, { announce, returnFocus: () => input });
  setupSearch({ input, list: byId('search-results'), empty: byId('search-empty'), status: byId('search-status'), note: byId('search-note') }, store, atlas, index);
  setupLegend(byId('legend'), store, atlas);
  setupFilters(byId('filters'), byId<HTMLButtonElement>('filters-toggle'), store, atlas, views);
  setupListView(byId('list-view'), byId<HTMLButtonElement>('list-toggle'), store, atlas, views);
  setupExport(byId('export'), store, atlas, { sigma, views, announce, unobstructed: options.unobstructed });
  setupZoom(byId('zoom'), sigma);
  if (options.embed) setupEmbed(byId('embed-bar'), () => currentHash(store.get(), sigma, false));
  return { index };
}
