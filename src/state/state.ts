// App state: one small typed object and the pure actions that produce the next one.

/** What made the last selection: the panel moves keyboard focus only for 'ui', the URL is written for 'map' and 'ui'. */
export type SelectionSource = 'map' | 'ui' | 'url';

export interface AppState {
  /** Key of the selected node (its panel is open), or null. */
  readonly selected: string | null;
  readonly via: SelectionSource;
  /** Key of the node under the pointer (on the map or in the panel), or null. */
  readonly hovered: string | null;
}

export const initialState: AppState = { selected: null, via: 'map', hovered: null };

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
