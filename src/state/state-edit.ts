/**
 * What `deploy state …` does to a ledger, on either backend: read it, replace it (push), rename
 * an entry (mv) or forget one (rm, which deletes nothing in the cloud). Changes hold the lock,
 * as a run does, so they never interleave with an apply.
 */
import { DeployError } from '../errors/index.js';
import type { StateBackend } from './backend.js';
import type { Ledger } from './ledger.js';
import { parseLedger } from './ledger-format.js';
import { renderLedger } from './ledger-state.js';

export interface StateTarget {
  backend: StateBackend;
  stack: string;
  env: string;
}

/** The ledger as state.json text: what `state pull` prints and `state push` takes. */
export async function pullState(t: StateTarget): Promise<string> {
  const ledger = await t.backend.openLedger(t.stack, t.env, { readOnly: true });
  return renderLedger(ledger.toJSON());
}

/** Replaces the ledger with `text` (from `state pull`), refusing another stack's or environment's. */
export async function pushState(t: StateTarget, text: string, source: string): Promise<void> {
  const data = parseLedger(text, source);
  if (data.stack !== t.stack || data.env !== t.env) {
    throw new DeployError(
      'LedgerMismatch',
      `${source} holds the state of ${data.stack} (${data.env}), not of ${t.stack} (${t.env})`,
      { file: source, hint: 'Push it to the stack and environment it was pulled from.' },
    );
  }
  await locked(t, 'state push', () => t.backend.writeSnapshot(t.stack, t.env, renderLedger(data)));
}

/** Renames an entry: the resource keeps its identifier under the new manifest name. */
export async function moveEntry(t: StateTarget, from: string, to: string): Promise<void> {
  await withLedger(t, 'state mv', async (ledger) => {
    const entry = ledger.get(from);
    if (entry === undefined) throw notRecorded(t, from);
    if (ledger.get(to) !== undefined) {
      throw new DeployError('StateEntryExists', `${to} is already recorded in ${t.stack} (${t.env})`, {
        resource: to,
        hint: `Forget it first with \`deploy state rm … ${to}\` if it is stale.`,
      });
    }
    await ledger.putAsync({ ...entry, resource: to });
    await ledger.removeAsync(from);
  });
}

/** Forgets an entry without deleting the resource; the next plan finds it by its exists query, or creates it. */
export async function forgetEntry(t: StateTarget, resource: string): Promise<void> {
  await withLedger(t, 'state rm', async (ledger) => {
    if (ledger.get(resource) === undefined) throw notRecorded(t, resource);
    await ledger.removeAsync(resource);
  });
}

async function locked<T>(t: StateTarget, command: string, body: () => Promise<T>): Promise<T> {
  const lock = await t.backend.acquireLock(t.stack, t.env, { command: `deploy ${command}` });
  try {
    return await body();
  } finally {
    await lock.release();
  }
}

function withLedger(t: StateTarget, command: string, body: (ledger: Ledger) => Promise<void>): Promise<void> {
  return locked(t, command, async () => {
    const ledger = await t.backend.openLedger(t.stack, t.env);
    await body(ledger);
    ledger.compact();
  });
}

function notRecorded(t: StateTarget, resource: string): DeployError {
  return new DeployError('StateEntryNotFound', `${resource} is not recorded in ${t.stack} (${t.env})`, {
    resource,
    hint: 'See what is recorded with `deploy state list`.',
  });
}
