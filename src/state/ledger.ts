/**
 * The ledger: what the engine deployed for one stack and environment. It is rewritten in
 * full, atomically, after every completed operation, so a crash mid-run loses at most the
 * operation in flight. Only one engine writes at a time (the lock guarantees it), hence no
 * merging: memory is the truth and the file mirrors it.
 */
import { readFileSync } from 'node:fs';
import { DeployError } from '../errors/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { hashOf } from '../common/index.js';
import { entryProblem, LEDGER_VERSION, parseLedger } from './ledger-format.js';
import type { LedgerData, LedgerEntry } from './ledger-format.js';
import { statePath } from './paths.js';

export class Ledger {
  readonly path: string;
  readonly stack: string;
  readonly env: string;
  #resources: Map<string, LedgerEntry>;

  private constructor(path: string, stack: string, env: string, resources: Map<string, LedgerEntry>) {
    this.path = path;
    this.stack = stack;
    this.env = env;
    this.#resources = resources;
  }

  /**
   * Reads `<stackDir>/.deploy/<env>/state.json`, or starts empty when there is none (nothing
   * is written until the first `put`). A file recorded for another environment is refused:
   * it would make the engine treat that environment's resources as this one's. A different
   * stack name is accepted (the stack was renamed) and updated on the next write.
   */
  static open(stackDir: string, env: string, stack: string): Ledger {
    const path = statePath(stackDir, env);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return new Ledger(path, stack, env, new Map());
      throw new DeployError('LedgerUnreadable', `Cannot read state file ${path}: ${(cause as Error).message}`, {
        file: path,
        cause,
        hint: 'Check that the file is readable by you.',
      });
    }
    const data = parseLedger(text, path);
    if (data.env !== env) {
      throw new DeployError('LedgerMismatch', `State file ${path} records environment "${data.env}", not "${env}"`, {
        file: path,
        hint: `The file was probably copied from another environment. Restore the right file for "${env}", or move this one back.`,
      });
    }
    return new Ledger(path, stack, env, new Map(Object.entries(data.resources)));
  }

  get(resource: string): LedgerEntry | undefined {
    const entry = this.#resources.get(resource);
    return entry === undefined ? undefined : copy(entry);
  }

  /** Entries sorted by resource name. */
  entries(): LedgerEntry[] {
    return [...this.#resources.keys()].sort().map((name) => copy(this.#resources.get(name) as LedgerEntry));
  }

  /** Adds or replaces the entry, then writes the file; on a failed write memory is unchanged. */
  put(entry: LedgerEntry): void {
    const problem = entryProblem(entry);
    if (problem !== undefined) {
      throw new DeployError('InvalidLedgerEntry', `Ledger entry "${String(entry.resource)}": ${problem}`, {
        resource: entry.resource,
      });
    }
    const next = new Map(this.#resources);
    next.set(entry.resource, copy(entry));
    this.#persist(next);
  }

  /** Forgets the resource and writes the file; does nothing if it is not recorded. */
  remove(resource: string): void {
    if (!this.#resources.has(resource)) return;
    const next = new Map(this.#resources);
    next.delete(resource);
    this.#persist(next);
  }

  /** A snapshot in the file format. */
  toJSON(): LedgerData {
    return snapshot(this.stack, this.env, this.#resources);
  }

  #persist(next: Map<string, LedgerEntry>): void {
    const text = `${JSON.stringify(snapshot(this.stack, this.env, next), null, 2)}\n`;
    try {
      writeFileAtomic(this.path, text);
    } catch (cause) {
      throw new DeployError('LedgerWriteFailed', `Cannot write state file ${this.path}: ${(cause as Error).message}`, {
        file: this.path,
        cause,
        hint: 'Check that the directory is writable and the disk is not full. The previous state file is intact.',
      });
    }
    this.#resources = next;
  }
}

/** An entry for `put`, with `desiredHash` computed and `updatedAt` set to now. */
export function ledgerEntry(
  fields: Omit<LedgerEntry, 'desiredHash' | 'updatedAt'>,
  now: Date = new Date(),
): LedgerEntry {
  return { ...fields, desiredHash: hashOf(fields.desired), updatedAt: now.toISOString() };
}

/**
 * Entries are stored as their JSON round trip, so memory holds exactly what a later `open`
 * reads back, and callers mutating what they passed in or got out cannot change the ledger.
 */
function copy(entry: LedgerEntry): LedgerEntry {
  return JSON.parse(JSON.stringify(entry)) as LedgerEntry;
}

function snapshot(stack: string, env: string, resources: Map<string, LedgerEntry>): LedgerData {
  // fromEntries defines own properties, so even a resource named `__proto__` round-trips.
  const sorted = Object.fromEntries(
    [...resources.keys()].sort().map((name) => [name, copy(resources.get(name) as LedgerEntry)]),
  );
  return { version: LEDGER_VERSION, stack, env, resources: sorted };
}
