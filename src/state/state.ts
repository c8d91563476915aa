// App state: one small typed object and the pure actions that produce the next one.

/** What made the last selection: the panel moves keyboard focus only for 'ui', the URL is written for 'map' and 'ui'. */
export type SelectionSource = 'map' | 'ui' | 'url';

/** Which kinds of node the map shows. */
export type KindFilter = 'both' | 'papers' | 'concepts';
export const KIND_FILTERS: readonly KindFilter[] = ['both', 'papers', 'concepts'];

/** Everything that narrows the map (all of it is in the URL). */
export interface Filters {
  /** Concept filter text, e.g. "INT4 AND KV cache" (parsed in filter/parse.ts). */
  readonly query: string;
  /** Cluster ids whose nodes are hidden, ascending. */
  readonly hiddenClusters: readonly number[];
  readonly kinds: KindFilter;
  /** Concepts used by fewer papers are hidden (0 or 1: no limit). */
  readonly minPapers: number;
}

export interface AppState {
  /** Key of the selected node (its panel is open), or null. */
  readonly selected: string | null;
  readonly via: SelectionSource;
  /** Key of the node under the pointer (on the map or in the panel), or null. */
  readonly hovered: string | null;
  readonly filters: Filters;
  /** Highlighted topic cluster (legend or panel click: the camera frames its papers), or null. */
  readonly cluster: number | null;
  /** Bumped on every cluster focus request, so clicking the same cluster again re-frames it. */
  readonly clusterRequest: number;
  /** Text in the search box (kept in the URL so a shared link shows the same search). */
  readonly search: string;
  /** The list view (keyboard and screen-reader twin of the map) is open. */
  readonly listView: boolean;
}

export const noFilters: Filters = { query: '', hiddenClusters: [], kinds: 'both', minPapers: 0 };

export const initialState: AppState = {
  selected: null,
  via: 'map',
  hovered: null,
  filters: noFilters,
  cluster: null,
  clusterRequest: 0,
  search: '',
  listView: false,
};

export function select(state: AppState, key: string | null, via: SelectionSource): AppState {
  if (state.selected === key && state.via === via) return state;
  return { ...state, selected: key, via };
}

export function clearSelection(state: AppState, via: SelectionSource = 'ui'): AppState {
  return state.selected === null ? state : { ...state, selected: null, via };
}

export function hover(state: AppState, key: string | null): AppState {
  return state.hovered === key ? state : { ...state, hovered: key };
}

function withFilters(state: AppState, patch: Partial<Filters>): AppState {
  const next = { ...state.filters, ...patch };
  const same =
    next.query === state.filters.query &&
    next.kinds === state.filters.kinds &&
    next.minPapers === state.filters.minPapers &&
    next.hiddenClusters.join() === state.filters.hiddenClusters.join();
  return same ? state : { ...state, filters: next };
}

export function setQuery(state: AppState, query: string): AppState {
  return withFilters(state, { query });
}

export function setKinds(state: AppState, kinds: KindFilter): AppState {
  return withFilters(state, { kinds });
}

export function setMinPapers(state: AppState, minPapers: number): AppState {
  return withFilters(state, { minPapers: Math.max(0, Math.round(minPapers)) });
}

/** Shows or hides one cluster; a hidden cluster loses its highlight. */
export function setClusterHidden(state: AppState, id: number, hidden: boolean): AppState {
  const set = new Set(state.filters.hiddenClusters);
  if (hidden) set.add(id);
  else set.delete(id);
  const next = withFilters(state, { hiddenClusters: [...set].sort((a, b) => a - b) });
  return hidden && next.cluster === id ? { ...next, cluster: null } : next;
}

export function setHiddenClusters(state: AppState, ids: readonly number[]): AppState {
  return withFilters(state, { hiddenClusters: [...new Set(ids)].sort((a, b) => a - b) });
}

export function resetFilters(state: AppState): AppState {
  return withFilters(state, noFilters);
}

/** Replaces all filters at once (a URL being applied). */
export function applyFilters(state: AppState, filters: Filters): AppState {
  return withFilters(state, filters);
}

/** Highlights a cluster and asks the map to frame it (again, if it already was); null clears the highlight. */
export function focusCluster(state: AppState, id: number | null): AppState {
  if (id === null) return state.cluster === null ? state : { ...state, cluster: null };
  // Focusing a topic shows that topic: a selection elsewhere would keep its own neighbourhood lit over it.
  const shown = clearSelection(setClusterHidden(state, id, false));
  return { ...shown, cluster: id, clusterRequest: state.clusterRequest + 1 };
}

export function setSearch(state: AppState, search: string): AppState {
  return state.search === search ? state : { ...state, search };
}

export function setListView(state: AppState, listView: boolean): AppState {
  return state.listView === listView ? state : { ...state, listView };
}

export function hasFilters(filters: Filters): boolean {
  return filters.query.trim() !== '' || filters.hiddenClusters.length > 0 || filters.kinds !== 'both' || filters.minPapers > 1;
}
