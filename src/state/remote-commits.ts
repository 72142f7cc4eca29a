/**
 * Changes to a ledger kept as one remote object (S3), written in groups. S3 has no append: every
 * write is the whole object, after a check that the lock is still ours, so two round trips. One
 * write per change would queue a whole run behind them (100 resources: 28 s instead of 2.5 s at
 * 30 ms per request). Instead, every change made while a write is in flight joins the next one,
 * decided in order on what the changes before it left. A change is durable when its promise
 * resolves; a failed write fails every change in it and records none of them.
 */
import { DeployError } from '../errors/index.js';
import type { JournalRecord } from './ledger-format.js';
import { applyRecord, cloneState, renderLedger, snapshotOf, type LedgerState } from './ledger-state.js';
import type { LedgerObject } from './remote-ledger.js';
import { writeFailed } from './snapshot-file.js';

/** A journal record before the ledger numbers it. */
export type Change = JournalRecord extends infer R ? (R extends JournalRecord ? Omit<R, 'seq'> : never) : never;

interface Waiting {
  decide: (seq: number) => Change | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface RemoteLedgerState {
  readonly object: LedgerObject;
  readonly stack: string;
  readonly env: string;
  readonly readOnly: boolean;
  /** The state every write so far left. */
  get(): LedgerState;
  /** Called with the new state once a write of it succeeded. */
  set(state: LedgerState): void;
}

export class RemoteCommits {
  readonly #ledger: RemoteLedgerState;
  #waiting: Waiting[] = [];
  #writing = false;

  constructor(ledger: RemoteLedgerState) {
    this.#ledger = ledger;
  }

  change(decide: Waiting['decide']): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.#waiting.push({ decide, resolve, reject }));
    if (!this.#writing) void this.#drain();
    return done;
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    while (this.#waiting.length > 0) {
      const group = this.#waiting.splice(0);
      const committed = this.#ledger.get();
      const next = cloneState(committed);
      const decided: Waiting[] = [];
      let changed = false;
      // Each change is decided on the state the ones before it in the group leave (the ledger
      // shows that state only during these synchronous decisions, never while writing).
      this.#ledger.set(next);
      try {
        for (const item of group) {
          try {
            const change = item.decide(next.seq + 1);
            if (change !== undefined) {
              applyRecord(next, { seq: next.seq + 1, ...change });
              changed = true;
            }
            decided.push(item);
          } catch (error) {
            item.reject(error); // an invalid change fails alone
          }
        }
      } finally {
        this.#ledger.set(committed);
      }
      try {
        if (changed && !this.#ledger.readOnly) await this.#write(next);
      } catch (error) {
        for (const item of decided) item.reject(error);
        continue;
      }
      if (changed) this.#ledger.set(next);
      for (const item of decided) item.resolve();
    }
    this.#writing = false;
  }

  async #write(state: LedgerState): Promise<void> {
    const { object, stack, env } = this.#ledger;
    try {
      await object.write(renderLedger(snapshotOf(state, stack, env)));
    } catch (cause) {
      // A lost condition (another run wrote) is its own error; anything else may pass: retried.
      if (DeployError.is(cause)) throw cause;
      throw writeFailed(object.location, cause, 'Nothing was recorded; the object is as it was.');
    }
  }
}
