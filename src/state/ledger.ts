/**
 * The ledger: what the engine deployed for one stack and environment, and what it is about to
 * do (intents). Every change is one line appended to `journal.ndjson` and fsynced before the
 * call returns; at the end of a run the journal is folded into `state.json` (compaction). A
 * crash therefore loses nothing that was recorded, and recording costs one small append, not a
 * rewrite of the whole file. Only the lock holder writes, hence no merging: memory is the truth
 * and the files mirror it. Format and rules: README.md.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { hashOf } from '../common/index.js';
import { DeployError } from '../errors/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { clientTokenFor, intentProblem, type Intent, type IntentRequest } from './intent.js';
import { appendJournal, readJournal } from './journal-file.js';
import { corrupt, entryProblem, LEDGER_VERSION, parseLedger, recordProblem } from './ledger-format.js';
import type { JournalRecord, LedgerData, LedgerEntry } from './ledger-format.js';
import { journalPath, statePath } from './paths.js';

/** A journal record before the ledger numbers it. */
type Change = JournalRecord extends infer R ? (R extends JournalRecord ? Omit<R, 'seq'> : never) : never;

export interface LedgerOpenOptions {
  /** Changes stay in memory and nothing is written: `plan` resolving intents only to show them. */
  readOnly?: boolean;
}

export class Ledger {
  /** state.json */
  readonly path: string;
  readonly journalPath: string;
  readonly stack: string;
  readonly env: string;
  readonly readOnly: boolean;
  #resources = new Map<string, LedgerEntry>();
  #pending = new Map<number, Intent>();
  #seq = 0;
  /** Bytes of the journal before its first append: a torn last line a crash left is cut off. */
  #keepBytes: number | undefined;
  /** Whether state.json already holds everything (nothing to compact). */
  #folded = true;

  private constructor(stackDir: string, env: string, stack: string, readOnly: boolean) {
    this.path = statePath(stackDir, env);
    this.journalPath = journalPath(stackDir, env);
    this.stack = stack;
    this.env = env;
    this.readOnly = readOnly;
  }

  /**
   * Reads `<stackDir>/.deploy/<env>/`: state.json, then the journal records newer than it. A
   * state recorded for another environment is refused: it would make the engine treat that
   * environment's resources as this one's. A different stack name is accepted (the stack was
   * renamed) and written at the next compaction.
   */
  static open(stackDir: string, env: string, stack: string, options: LedgerOpenOptions = {}): Ledger {
    const ledger = new Ledger(stackDir, env, stack, options.readOnly === true);
    // The journal first: a compaction between the two reads then only makes its lines redundant.
    const journal = readJournal(ledger.journalPath);
    const data = readSnapshot(ledger.path);
    if (data !== undefined) {
      if (data.env !== env) {
        throw new DeployError(
          'LedgerMismatch',
          `State file ${ledger.path} records environment "${data.env}", not "${env}"`,
          {
            file: ledger.path,
            hint: `The file was probably copied from another environment. Restore the right file for "${env}", or move this one back.`,
          },
        );
      }
      ledger.#resources = new Map(Object.entries(data.resources));
      ledger.#pending = new Map(data.pending.map((i) => [i.id, i]));
      ledger.#seq = data.seq;
      ledger.#folded = data.stack === stack;
    }
    for (const { line, value } of journal.lines) {
      const problem = recordProblem(value);
      if (problem !== undefined) throw corrupt(ledger.journalPath, `line ${line} is invalid: ${problem}`);
      if ((value as JournalRecord).seq <= ledger.#seq) continue; // already folded into state.json
      ledger.#apply(value as JournalRecord);
      ledger.#folded = false;
    }
    ledger.#keepBytes = journal.validBytes;
    return ledger;
  }

  get(resource: string): LedgerEntry | undefined {
    const entry = this.#resources.get(resource);
    return entry === undefined ? undefined : copy(entry);
  }

  /** Entries sorted by resource name. */
  entries(): LedgerEntry[] {
    return [...this.#resources.keys()].sort().map((name) => copy(this.#resources.get(name) as LedgerEntry));
  }

  /** Intents whose outcome is not recorded, oldest first. */
  pending(): Intent[] {
    return [...this.#pending.values()].sort((a, b) => a.id - b.id).map(copy);
  }

  /**
   * Records what is about to be sent, before it is sent, and returns it with its id and client
   * token. When this throws, nothing may be sent.
   */
  intend(request: IntentRequest, now: Date = new Date()): Intent {
    const id = this.#seq + 1;
    const intent: Intent = {
      ...copy(request),
      id,
      clientToken: clientTokenFor(this.stack, this.env, request, id),
      createdAt: now.toISOString(),
    };
    const problem = intentProblem(intent);
    if (problem !== undefined) {
      throw new DeployError('InvalidIntent', `Intent for "${request.resource}": ${problem}`, {
        resource: request.resource,
      });
    }
    this.#commit({ op: 'intent', intent });
    return copy(intent);
  }

  /** Cloud Control accepted the intent's request: its RequestToken lets the next run ask how it ended. */
  accepted(intent: Intent, requestToken: string): void {
    if (this.#pending.get(intent.id)?.requestToken === requestToken) return;
    if (this.#pending.has(intent.id)) this.#commit({ op: 'accepted', intent: intent.id, requestToken });
  }

  /** The intent ended without changing what the ledger records (its request failed). */
  resolve(intent: Intent): void {
    if (this.#pending.has(intent.id)) this.#commit({ op: 'resolved', intent: intent.id });
  }

  /** Adds or replaces the entry, closing `resolves` with it; on a failed write memory is unchanged. */
  put(entry: LedgerEntry, resolves?: Intent): void {
    const problem = entryProblem(entry);
    if (problem !== undefined) {
      throw new DeployError('InvalidLedgerEntry', `Ledger entry "${String(entry.resource)}": ${problem}`, {
        resource: entry.resource,
      });
    }
    this.#commit({ op: 'put', entry: copy(entry), ...this.#closing(resolves) });
  }

  /** Forgets the resource, closing `resolves` with it; does nothing else if it is not recorded. */
  remove(resource: string, resolves?: Intent): void {
    if (this.#resources.has(resource)) this.#commit({ op: 'remove', resource, ...this.#closing(resolves) });
    else if (resolves !== undefined) this.resolve(resolves);
  }

  /**
   * Folds the journal into state.json (temp file, fsync, rename) and deletes it. A crash in
   * between leaves journal records state.json already holds; their `seq` tells, so they are
   * skipped. Call it at the end of a run, holding the lock.
   */
  compact(): void {
    if (this.readOnly || this.#folded) return;
    const text = `${JSON.stringify(this.toJSON(), null, 2)}\n`;
    try {
      writeFileAtomic(this.path, text);
      rmSync(this.journalPath, { force: true });
    } catch (cause) {
      throw writeFailed(this.path, cause, 'The journal beside it still holds every change.');
    }
    this.#folded = true;
    this.#keepBytes = undefined;
  }

  /** A snapshot in the state.json format. */
  toJSON(): LedgerData {
    // fromEntries defines own properties, so even a resource named `__proto__` round-trips.
    const resources = Object.fromEntries(
      [...this.#resources.keys()].sort().map((name) => [name, copy(this.#resources.get(name) as LedgerEntry)]),
    );
    return {
      version: LEDGER_VERSION,
      stack: this.stack,
      env: this.env,
      seq: this.#seq,
      resources,
      pending: this.pending(),
    };
  }

  #closing(resolves: Intent | undefined): { resolves?: number } {
    return resolves !== undefined && this.#pending.has(resolves.id) ? { resolves: resolves.id } : {};
  }

  /** Writes the change to the journal (unless read-only), then to memory. */
  #commit(change: Change): void {
    const record: JournalRecord = { seq: this.#seq + 1, ...change };
    if (!this.readOnly) {
      try {
        mkdirSync(dirname(this.journalPath), { recursive: true });
        appendJournal(this.journalPath, [record], this.#keepBytes);
      } catch (cause) {
        throw writeFailed(this.journalPath, cause, 'Nothing was recorded; the files are as they were.');
      }
      this.#keepBytes = undefined;
    }
    this.#apply(record);
    this.#folded = false;
  }

  #apply(record: JournalRecord): void {
    this.#seq = Math.max(this.#seq, record.seq);
    switch (record.op) {
      case 'intent':
        this.#pending.set(record.intent.id, copy(record.intent));
        return;
      case 'accepted': {
        const intent = this.#pending.get(record.intent);
        if (intent !== undefined) intent.requestToken = record.requestToken;
        return;
      }
      case 'resolved':
        this.#pending.delete(record.intent);
        return;
      case 'put':
        this.#resources.set(record.entry.resource, copy(record.entry));
        break;
      case 'remove':
        this.#resources.delete(record.resource);
        break;
    }
    if (record.resolves !== undefined) this.#pending.delete(record.resolves);
  }
}

/** An entry for `put`, with `desiredHash` computed and `updatedAt` set to now. */
export function ledgerEntry(
  fields: Omit<LedgerEntry, 'desiredHash' | 'updatedAt'>,
  now: Date = new Date(),
): LedgerEntry {
  return { ...fields, desiredHash: hashOf(fields.desired), updatedAt: now.toISOString() };
}

function readSnapshot(path: string): LedgerData | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DeployError('LedgerUnreadable', `Cannot read state file ${path}: ${(cause as Error).message}`, {
      file: path,
      cause,
      hint: 'Check that the file is readable by you.',
    });
  }
  return parseLedger(text, path);
}

function writeFailed(path: string, cause: unknown, what: string): DeployError {
  return new DeployError('LedgerWriteFailed', `Cannot write ${path}: ${(cause as Error).message}`, {
    file: path,
    cause,
    hint: `Check that the directory is writable and the disk is not full. ${what}`,
  });
}

/**
 * Values are stored as their JSON round trip, so memory holds exactly what a later `open`
 * reads back, and callers mutating what they passed in or got out cannot change the ledger.
 */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
