/**
 * Mounting the Ink tree. Its own module so the reporter can load Ink and React lazily: the
 * lines and JSON reporters (CI, pipes) never pay for them.
 */
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { Output } from '../types.js';
import { App } from './App.js';
import type { ProgressState } from './progress.js';
import type { Store } from './store.js';

export interface Mounted {
  /**
   * Renders the store's latest state synchronously, leaves the last frame on the terminal and
   * lets go of it; resolves once Ink has written everything.
   */
  unmount(): Promise<void>;
}

export function mountApp(
  store: Store<ProgressState>,
  options: { stdout: Output; color: boolean; showDiff: boolean },
): Mounted {
  const app = () => <App store={store} color={options.color} showDiff={options.showDiff} />;
  const instance = render(app(), {
    stdout: asInkStdout(options.stdout),
    // The engine owns Ctrl-C (first: finish in flight; second: exit), and nothing else logs
    // through console while a run is on screen.
    patchConsole: false,
    exitOnCtrlC: false,
  });
  // Registered before unmount so the promise settles when Ink has flushed.
  const exited = instance.waitUntilExit().then(() => undefined);
  return {
    unmount() {
      // React 19 commits store updates in a microtask; rerender commits them now, so what the
      // caller emitted just before is on the terminal before the caller writes anything else.
      instance.rerender(app());
      instance.unmount();
      return exited;
    },
  };
}

/**
 * Ink subscribes to `resize` on its stdout; a bare `{ write }` output (a buffer in a test or
 * an embedding tool) has no `on`, so it gets a small emitter around it.
 */
function asInkStdout(out: Output): NodeJS.WriteStream {
  if (typeof (out as Partial<NodeJS.WriteStream>).on === 'function') return out as NodeJS.WriteStream;
  const adapter = Object.assign(new EventEmitter(), {
    write: (s: string) => out.write(s),
    isTTY: out.isTTY ?? false,
    columns: out.columns ?? 80,
  });
  return adapter as unknown as NodeJS.WriteStream;
}
