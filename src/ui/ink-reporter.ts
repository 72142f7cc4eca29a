/**
 * The terminal reporter. Events go into a store at once, so the engine never waits on the UI;
 * an Ink tree (loaded lazily: CI and pipes never pay for React) renders the store.
 *
 * The terminal is shared: after the plan, apply and teardown may ask for confirmation on the
 * same stdout. A mounted Ink would redraw over the question, so at that point the reporter
 * "parks": it commits the plan to the terminal, unmounts Ink and mounts a fresh one at the next
 * event. If Ink has not finished loading by then, it prints the pending entries itself.
 */
import type { EngineEvent } from '../events/index.js';
import type { Mounted } from './ink/mount.js';
import { logItemText } from './ink/log-text.js';
import { applyEvent, hasStarted, initialProgress, type ProgressState } from './ink/progress.js';
import { createStore, type Store } from './ink/store.js';
import type { Reporter, ReporterOptions } from './types.js';

// Often enough for a smooth spinner and a ticking elapsed time; Ink caps frames at 30 fps anyway.
const TICK_MS = 100;

type MountModule = typeof import('./ink/mount.js');

export interface InkReporter extends Reporter {
  store: Store<ProgressState>;
  /** Settles when Ink has loaded (or failed to load: the reporter then writes plain text). */
  ready: Promise<void>;
}

export function createInkReporter(options: ReporterOptions): InkReporter {
  const now = options.now ?? Date.now;
  const view = { stdout: options.stdout, color: options.color, showDiff: options.showDiff };
  const store = createStore(initialProgress(now()));
  const exits: Promise<void>[] = [];
  let ink: MountModule | undefined;
  let mounted: Mounted | undefined;
  let parked = false;
  let closed = false;

  const mount = () => {
    if (ink !== undefined && mounted === undefined && !parked && !closed) mounted = ink.mountApp(store, view);
  };
  const unmount = () => {
    if (mounted !== undefined) exits.push(mounted.unmount());
    mounted = undefined;
  };
  // Without Ink (not loaded yet, or failed to load), the scrollback is written as plain text.
  const printPending = () => {
    const s = store.getState();
    for (const item of s.log.slice(s.printed)) options.stdout.write(`${logItemText(item, view)}\n`);
  };
  const markPrinted = () => store.setState((s) => (s.printed === s.log.length ? s : { ...s, printed: s.log.length }));

  const loading = import('./ink/mount.js').then((m) => {
    ink = m;
    mount();
  });
  // A failed load leaves plain-text output and one note on stderr at close(), not an unhandled
  // rejection: the run itself goes on.
  let loadFailure: unknown;
  loading.catch((error: unknown) => (loadFailure = error));

  const ticker = setInterval(() => store.setState((s) => (s.finished ? s : { ...s, now: now() })), TICK_MS);
  // The spinner must never be what keeps the process alive.
  ticker.unref?.();

  return {
    store,
    ready: loading.catch(() => undefined),
    emit(event: EngineEvent): void {
      if (closed) return;
      store.setState((s) => applyEvent(s, event, now()));
      const s = store.getState();
      if (event.type === 'plan_ready' && s.command !== 'plan' && !hasStarted(s)) {
        if (mounted !== undefined) unmount();
        else {
          printPending();
          // The blank line a mounted Ink's empty frame would have left.
          options.stdout.write('\n');
        }
        markPrinted();
        parked = true;
        return;
      }
      if (parked) {
        parked = false;
        mount();
      }
      if (event.type === 'run_finished') clearInterval(ticker);
    },
    async close(): Promise<void> {
      if (closed) {
        await Promise.all(exits);
        return;
      }
      clearInterval(ticker);
      await loading.catch(() => undefined);
      const s = store.getState();
      const pending = s.log.length > s.printed;
      if (mounted === undefined && pending && ink !== undefined) {
        parked = false;
        mount();
      }
      if (mounted !== undefined) unmount();
      else if (pending) printPending();
      if (loadFailure !== undefined) {
        const reason = loadFailure instanceof Error ? loadFailure.message : String(loadFailure);
        options.stderr?.write(`note: the live view could not load (${reason}); progress was shown as plain lines\n`);
      }
      closed = true;
      await Promise.all(exits);
    },
  };
}
