/**
 * Intents recorded ahead: while a create or delete waits for a slot (it is among the next to
 * start, runGraph's `prepare`), its intent is written and synced, so when the slot frees the
 * request goes out at once instead of after a sync of the journal (a few milliseconds, paid on
 * every operation's path otherwise). An intent recorded ahead whose operation never starts
 * (the run stopped) is closed at the end of the run; after a kill -9 it is pending like any
 * intent whose request may have been sent, and the next run settles it the same way: the
 * same request with the same client token, which Cloud Control carries out once at most.
 */
import type { Intent, IntentRequest } from '../state/index.js';
import { closeQuietly, persist } from './intents.js';
import { parseNodeId } from './operations.js';
import { desiredNow, type ApplyContext, type PlannedResource } from './plan-context.js';
import { intentOf } from './record.js';

export interface RecordedAhead {
  intent: Promise<Intent>;
  /** A create's desired state, rendered when its intent was: its dependencies had all finished. */
  desired?: Record<string, unknown>;
}

export class IntentsAhead {
  readonly #ahead = new Map<string, RecordedAhead>();

  constructor(
    private readonly ctx: ApplyContext,
    private readonly byName: ReadonlyMap<string, PlannedResource>,
    private readonly known: Map<string, Record<string, unknown>>,
  ) {}

  /** Records the intent of node `id` if it is a create or delete (updates diff when they start). */
  prepare(id: string): void {
    const { phase, resource } = parseNodeId(id);
    const p = this.byName.get(resource);
    if (p === undefined || (phase !== 'apply' && phase !== 'delete')) return;
    let request: IntentRequest;
    let desired: Record<string, unknown> | undefined;
    if (phase === 'delete') {
      request = intentOf(p, 'delete', { identifier: p.identifier as string, region: p.previousRegion ?? p.region });
    } else if (p.change.action === 'update') {
      return;
    } else {
      try {
        desired = desiredNow(this.ctx, p, this.known);
      } catch {
        return; // the operation renders again when it starts, and fails there, reported
      }
      request = intentOf(p, 'create', { desired });
    }
    const { ledger } = this.ctx;
    const intent = persist(() => ledger.intendAsync(request));
    intent.catch(() => undefined); // seen by the operation, or ignored when closing it unused
    this.#ahead.set(id, desired === undefined ? { intent } : { intent, desired });
  }

  /** What was recorded for node `id`, which is starting now (undefined: nothing). */
  take(id: string): RecordedAhead | undefined {
    const ahead = this.#ahead.get(id);
    this.#ahead.delete(id);
    return ahead;
  }

  /** Closes the intents of operations that never started: nothing was sent for them. */
  async closeUnused(): Promise<void> {
    const unused = [...this.#ahead.values()];
    this.#ahead.clear();
    await Promise.all(
      unused.map(({ intent }) =>
        intent.then(
          (recorded) => closeQuietly(this.ctx.ledger, recorded),
          () => undefined,
        ),
      ),
    );
  }
}
