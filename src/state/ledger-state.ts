/**
 * The ledger's content in memory and the one function that changes it: applying a journal
 * record. Kept apart from where the ledger is stored (file journal or one S3 object), so both
 * change it the same way.
 */
import { hashOf } from '../common/index.js';
import type { Intent } from './intent.js';
import { corrupt, LEDGER_VERSION, recordProblem } from './ledger-format.js';
import type { JournalRecord, LedgerData, LedgerEntry } from './ledger-format.js';

export interface LedgerState {
  resources: Map<string, LedgerEntry>;
  pending: Map<number, Intent>;
  /** The last record applied. */
  seq: number;
}

export function emptyState(): LedgerState {
  return { resources: new Map(), pending: new Map(), seq: 0 };
}

export function stateOf(data: LedgerData): LedgerState {
  return {
    resources: new Map(Object.entries(data.resources)),
    pending: new Map(data.pending.map((i) => [i.id, i])),
    seq: data.seq,
  };
}

/** A copy that applying records to leaves the original as it was. */
export function cloneState(state: LedgerState): LedgerState {
  return {
    resources: new Map(state.resources),
    pending: new Map([...state.pending].map(([id, intent]) => [id, { ...intent }])),
    seq: state.seq,
  };
}

/**
 * Applies a record; the state takes its objects over (the ledger passes copies or freshly
 * parsed records, which nothing else holds), so applying costs no copy.
 */
export function applyRecord(state: LedgerState, record: JournalRecord): void {
  state.seq = Math.max(state.seq, record.seq);
  switch (record.op) {
    case 'intent':
      state.pending.set(record.intent.id, record.intent);
      return;
    case 'accepted': {
      const intent = state.pending.get(record.intent);
      if (intent !== undefined) intent.requestToken = record.requestToken;
      return;
    }
    case 'resolved':
      state.pending.delete(record.intent);
      return;
    case 'put':
      state.resources.set(record.entry.resource, record.entry);
      break;
    case 'remove':
      state.resources.delete(record.resource);
      break;
  }
  if (record.resolves !== undefined) state.pending.delete(record.resolves);
}

/**
 * Applies the journal's records newer than the state (older ones are folded into state.json
 * already), checking each; whether any was applied.
 */
export function replay(state: LedgerState, lines: { line: number; value: unknown }[], path: string): boolean {
  let applied = false;
  for (const { line, value } of lines) {
    const problem = recordProblem(value);
    if (problem !== undefined) throw corrupt(path, `line ${line} is invalid: ${problem}`);
    if ((value as JournalRecord).seq <= state.seq) continue;
    applyRecord(state, value as JournalRecord);
    applied = true;
  }
  return applied;
}

/** A snapshot in the state.json format: entries sorted by name, pending intents oldest first. */
export function snapshotOf(state: LedgerState, stack: string, env: string): LedgerData {
  // fromEntries defines own properties, so even a resource named `__proto__` round-trips.
  const resources = Object.fromEntries(
    [...state.resources.keys()].sort().map((name) => [name, copy(state.resources.get(name) as LedgerEntry)]),
  );
  return { version: LEDGER_VERSION, stack, env, seq: state.seq, resources, pending: pendingOf(state) };
}

/** Pending intents, oldest first (copies). */
export function pendingOf(state: LedgerState): Intent[] {
  return [...state.pending.values()].sort((a, b) => a.id - b.id).map(copy);
}

/** state.json's text. */
export function renderLedger(data: LedgerData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Values are stored as their JSON round trip, so memory holds exactly what a later read gets
 * back, and callers mutating what they passed in or got out cannot change the ledger.
 */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** An entry for `put`, with `desiredHash` computed and `updatedAt` set to now. */
export function ledgerEntry(
  fields: Omit<LedgerEntry, 'desiredHash' | 'updatedAt'>,
  now: Date = new Date(),
): LedgerEntry {
  return { ...fields, desiredHash: hashOf(fields.desired), updatedAt: now.toISOString() };
}
