/**
 * A tiny external store. Events arrive from the engine, outside React; the Ink tree reads the
 * state through `useSyncExternalStore`. Keeping state here (not in component state) means the
 * engine's scheduler never waits on React, and tests can drive the UI by setting state.
 */
/** Plain function members (no `this`), so React may call them detached. */
export interface Store<S> {
  getState: () => S;
  setState: (update: (state: S) => S) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(update) {
      const next = update(state);
      // Same object back means nothing changed; skipping spares a render.
      if (Object.is(next, state)) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
