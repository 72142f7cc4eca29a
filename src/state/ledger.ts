/**
 * The ledger: what the engine deployed for one stack and environment, and what it is about to
 * do (intents). Every change is one line appended to `journal.ndjson` and fsynced before the
 * call returns (concurrent ones share an fsync: journal-file.ts); at the end of a run the
 * journal is folded into `state.json` (compaction). A crash therefore loses nothing that was
 * recorded, and recording costs one small append, not a rewrite of the whole file. Only the lock
 * holder writes, hence no merging: memory is the truth and the files mirror it. Format and
 * rules: README.md.
 */
import { rmSync } from 'node:fs';
import { DeployError } from '../errors/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { intentProblem, newClientToken, type Intent, type IntentRequest } from './intent.js';
import { JournalWriter, readJournal } from './journal-file.js';
import { entryProblem, otherEnvironment, parseLedger } from './ledger-format.js';
import type { LedgerData, LedgerEntry } from './ledger-format.js';
import { applyRecord, copy, emptyState, pendingOf } from './ledger-state.js';
import { renderLedger, replay, snapshotOf, stateOf } from './ledger-state.js';
import { journalPath, statePath } from './paths.js';
import { RemoteCommits, type Change } from './remote-commits.js';
import type { LedgerObject } from './remote-ledger.js';
import { readSnapshot, writeFailed } from './snapshot-file.js';

export interface LedgerOpenOptions {
  /** Changes stay in memory and nothing is written: `plan` resolving intents only to show them. */
  readOnly?: boolean;
}

/** A change to a file ledger is written when it returns; one to a remote ledger, when its promise resolves. */
type Written<T = void> = T | Promise<T>;

export class Ledger {
  /** state.json */
  readonly path: string;
  readonly journalPath: string;
  readonly stack: string;
  readonly env: string;
  readonly readOnly: boolean;
  #state = emptyState();
  /**
   * Set for a ledger kept as one remote object (S3), whose writes rewrite it, conditionally: one
   * at a time, changes made meanwhile grouped into the next.
   */
  #commits: RemoteCommits | undefined;
  /** Appends to the journal, concurrent changes sharing one fsync (a file ledger's). */
  #journal: JournalWriter | undefined;
  /** The last seq given to a record: changes waiting for the disk are numbered already. */
  #seq = 0;
  /** A synchronous change is being made: written before it returns. */
  #syncing = false;
  /** Whether state.json already holds everything (nothing to compact). */
  #folded = true;

  private constructor(where: { path: string; journalPath: string }, env: string, stack: string, readOnly: boolean) {
    this.path = where.path;
    this.journalPath = where.journalPath;
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
    const where = { path: statePath(stackDir, env), journalPath: journalPath(stackDir, env) };
    const ledger = new Ledger(where, env, stack, options.readOnly === true);
    // The journal first: a compaction between the two reads then only makes its lines redundant.
    const journal = readJournal(ledger.journalPath);
    ledger.#load(readSnapshot(ledger.path));
    if (replay(ledger.#state, journal.lines, ledger.journalPath)) ledger.#folded = false;
    // A torn last line a crash left is cut off before the first append.
    ledger.#journal = new JournalWriter(ledger.journalPath, journal.validBytes);
    ledger.#seq = ledger.#state.seq;
    return ledger;
  }

  /**
   * A ledger kept as one object in the state.json format (S3): read once, then rewritten whole
   * at each change, each write conditional on the version last read or written (remote-ledger.ts).
   * There is no journal: the object is always up to date, and compaction has nothing to do.
   */
  static async openRemote(object: LedgerObject, env: string, stack: string, options: LedgerOpenOptions = {}) {
    const where = { path: object.location, journalPath: object.location };
    const ledger = new Ledger(where, env, stack, options.readOnly === true);
    ledger.#commits = new RemoteCommits({
      object,
      stack,
      env,
      readOnly: ledger.readOnly,
      get: () => ledger.#state,
      set: (state) => (ledger.#state = state),
    });
    const text = await object.read();
    ledger.#load(text === undefined ? undefined : parseLedger(text, object.location));
    return ledger;
  }

  #load(data: LedgerData | undefined): void {
    if (data === undefined) return;
    if (data.env !== this.env) throw otherEnvironment(this.path, data.env, this.env);
    this.#state = stateOf(data);
    this.#folded = data.stack === this.stack;
  }

  get(resource: string): LedgerEntry | undefined {
    const entry = this.#state.resources.get(resource);
    return entry === undefined ? undefined : copy(entry);
  }

  /** Entries sorted by resource name. */
  entries(): LedgerEntry[] {
    return Object.values(this.toJSON().resources);
  }

  /** Intents whose outcome is not recorded, oldest first. */
  pending(): Intent[] {
    return pendingOf(this.#state);
  }

  /**
   * Each change comes in two forms: synchronous (file ledgers only: written before it returns)
   * and `…Async` (any ledger; the engine's form). A failed write changes nothing in memory.
   *
   * `intend` records what is about to be sent, before it is sent, and returns it with its id and
   * client token. When it fails, nothing may be sent.
   */
  intend(request: IntentRequest, now?: Date): Intent {
    return this.#sync(() => this.#intend(request, now));
  }
  async intendAsync(request: IntentRequest, now?: Date): Promise<Intent> {
    return this.#intend(request, now);
  }
  accepted(intent: Intent, requestToken: string): void {
    this.#sync(() => this.#accepted(intent, requestToken));
  }
  async acceptedAsync(intent: Intent, requestToken: string): Promise<void> {
    return this.#accepted(intent, requestToken);
  }
  resolve(intent: Intent): void {
    this.#sync(() => this.#resolve(intent));
  }
  async resolveAsync(intent: Intent): Promise<void> {
    return this.#resolve(intent);
  }
  put(entry: LedgerEntry, resolves?: Intent): void {
    this.#sync(() => this.#put(entry, resolves));
  }
  async putAsync(entry: LedgerEntry, resolves?: Intent): Promise<void> {
    return this.#put(entry, resolves);
  }
  remove(resource: string, resolves?: Intent): void {
    this.#sync(() => this.#remove(resource, resolves));
  }
  async removeAsync(resource: string, resolves?: Intent): Promise<void> {
    return this.#remove(resource, resolves);
  }

  #sync<T>(change: () => Written<T>): T {
    if (this.#journal === undefined || !this.#journal.idle) {
      throw new DeployError('InternalError', `${this.path}: remote, or asynchronous changes pending (use …Async)`);
    }
    this.#syncing = true;
    try {
      return change() as T;
    } finally {
      this.#syncing = false;
    }
  }

  #intend(request: IntentRequest, now: Date = new Date()): Written<Intent> {
    // One serialization of the request (its desired state may be large) makes both the copy
    // kept and the copy returned, so neither shares objects with the caller or the other.
    const text = JSON.stringify(request);
    let fields: Pick<Intent, 'id' | 'clientToken' | 'createdAt'> | undefined;
    const written = this.#commit((id) => {
      fields = { id, clientToken: newClientToken(), createdAt: now.toISOString() };
      const intent = Object.assign(JSON.parse(text) as IntentRequest, fields);
      const problem = intentProblem(intent);
      if (problem !== undefined) {
        throw new DeployError('InvalidIntent', `Intent for "${request.resource}": ${problem}`, {
          resource: request.resource,
        });
      }
      return { op: 'intent', intent };
    });
    const result = (): Intent => Object.assign(JSON.parse(text) as IntentRequest, fields);
    return written instanceof Promise ? written.then(result) : result();
  }

  /** Cloud Control accepted the intent's request: its RequestToken lets the next run ask how it ended. */
  #accepted(intent: Intent, requestToken: string): Written {
    return this.#commit(() => {
      const pending = this.#state.pending.get(intent.id);
      return pending === undefined || pending.requestToken === requestToken
        ? undefined
        : { op: 'accepted', intent: intent.id, requestToken };
    });
  }

  /** The intent ended without changing what the ledger records (its request failed). */
  #resolve(intent: Intent): Written {
    return this.#commit(() => (this.#state.pending.has(intent.id) ? { op: 'resolved', intent: intent.id } : undefined));
  }

  /** Adds or replaces the entry, closing `resolves` with it; on a failed write memory is unchanged. */
  #put(entry: LedgerEntry, resolves?: Intent): Written {
    const problem = entryProblem(entry);
    if (problem !== undefined) {
      throw new DeployError('InvalidLedgerEntry', `Ledger entry "${String(entry.resource)}": ${problem}`, {
        resource: entry.resource,
      });
    }
    return this.#commit(() => ({ op: 'put', entry: copy(entry), ...this.#closing(resolves) }));
  }

  /** Forgets the resource, closing `resolves` with it; does nothing else if it is not recorded. */
  #remove(resource: string, resolves?: Intent): Written {
    return this.#commit(() => {
      if (this.#state.resources.has(resource)) return { op: 'remove', resource, ...this.#closing(resolves) };
      return resolves !== undefined && this.#state.pending.has(resolves.id)
        ? { op: 'resolved', intent: resolves.id }
        : undefined;
    });
  }

  /**
   * Folds the journal into state.json (temp file, fsync, rename) and deletes it. A crash in
   * between leaves journal records state.json already holds; their `seq` tells, so they are
   * skipped. Call it at the end of a run, holding the lock. A remote ledger has nothing to fold.
   * `compactAsync` first waits for the changes still being written.
   */
  async compactAsync(): Promise<void> {
    await this.#journal?.settled();
    this.compact();
  }
  compact(): void {
    if (this.readOnly || this.#folded || this.#commits !== undefined) return;
    if (this.#journal?.idle === false) throw new DeployError('InternalError', 'compact() with changes pending');
    try {
      writeFileAtomic(this.path, renderLedger(this.toJSON()));
      rmSync(this.journalPath, { force: true });
    } catch (cause) {
      throw writeFailed(this.path, cause, 'The journal beside it still holds every change.');
    }
    this.#folded = true;
    this.#journal?.reset();
  }

  /** A snapshot in the state.json format. */
  toJSON(): LedgerData {
    return snapshotOf(this.#state, this.stack, this.env);
  }

  #closing(resolves: Intent | undefined): { resolves?: number } {
    return resolves !== undefined && this.#state.pending.has(resolves.id) ? { resolves: resolves.id } : {};
  }

  /**
   * Decides the change from the current state (undefined: nothing to record), writes it
   * (unless read-only), then applies it in memory. A synchronous change is written before it
   * returns; an asynchronous one to a file joins the journal's next group commit, decided on
   * what is durable (callers await a change before one that depends on it, as the engine does);
   * a remote one joins the next write of the whole object (remote-commits.ts).
   */
  #commit(decide: (seq: number) => Change | undefined): Written {
    if (this.#commits !== undefined) return this.#commits.change(decide);
    const change = decide(this.#seq + 1);
    if (change === undefined) return;
    const record = { seq: this.#seq + 1, ...change };
    const apply = (): void => {
      applyRecord(this.#state, record);
      this.#folded = false;
    };
    const written = this.readOnly ? apply() : (this.#journal as JournalWriter).write(record, this.#syncing, apply);
    // Numbered now, so changes waiting for the same fsync differ; a failed write leaves a gap.
    this.#seq = record.seq;
    return written;
  }
}
