// A tiny store: get, set (a value or an action), subscribe; listeners get the new and the previous state.

export type Listener<S> = (state: S, previous: S) => void;

export interface Store<S> {
  get(): S;
  set(next: S | ((state: S) => S)): void;
  subscribe(listener: Listener<S>): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    get: () => state,
    set(next) {
      const previous = state;
      const value = typeof next === 'function' ? (next as (s: S) => S)(previous) : next;
      if (Object.is(value, previous)) return;
      state = value;
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
