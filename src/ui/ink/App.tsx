/**
 * The Ink reporter's tree: the scrollback (<Static>) above the live frame. It only reads the
 * store; events and clock ticks are written into the store from outside React.
 */
import { Static, Text } from 'ink';
import { useSyncExternalStore } from 'react';
import { Live } from './Live.js';
import { logItemText } from './log-text.js';
import { hasStarted, type ProgressState } from './progress.js';
import type { Store } from './store.js';

export interface AppProps {
  store: Store<ProgressState>;
  color: boolean;
  showDiff: boolean;
}

export function App({ store, color, showDiff }: AppProps) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  return (
    <>
      {/* Entries before `printed` were written by an earlier mount or by the reporter itself. */}
      <Static items={state.log.slice(state.printed)}>
        {(item) => <Text key={item.id}>{logItemText(item, { color, showDiff })}</Text>}
      </Static>
      {showsLive(state) ? <Live state={state} color={color} /> : null}
    </>
  );
}

/**
 * Whether there is anything live to show. Not before the run starts; not between the plan and
 * the first operation, when apply and teardown may be asking for confirmation below the plan;
 * not for a plan command once its plan is out; and not once the run finished, because Ink
 * prints the last frame at exit and a stale progress bar there would mislead.
 */
export function showsLive(state: ProgressState): boolean {
  if (state.command === undefined || state.finished) return false;
  if (state.plan === undefined) return true;
  return state.command !== 'plan' && (hasStarted(state) || state.interrupting);
}
