/**
 * The ledger's journal file: one JSON record per line, appended and fsynced before the call
 * returns, so a record the engine was told is written survives a crash (kill -9, power cut).
 * Appending costs one small write and one fsync, however large the ledger grows, and records
 * appended concurrently share them (JournalWriter); the file is folded into state.json at the
 * end of a run (compaction, in ledger.ts).
 *
 * A crash in the middle of an append leaves a torn last line without its newline. Readers skip
 * it (its operation never completed), and the next writer cuts it off before appending, so a
 * torn line can only ever be the last one.
 */
import {
  closeSync,
  fdatasync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { DeployError } from '../errors/index.js';
import { syncDirectory } from './atomic-write.js';
import { writeFailed } from './snapshot-file.js';

export interface JournalText {
  /** The complete lines, parsed, with their 1-based line numbers. */
  lines: { line: number; value: unknown }[];
  /** Bytes up to the end of the last complete line: what a writer keeps. */
  validBytes: number;
}

/** Reads the journal; a missing file is an empty journal. */
export function readJournal(path: string): JournalText {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], validBytes: 0 };
    throw new DeployError('LedgerUnreadable', `Cannot read journal ${path}: ${(cause as Error).message}`, {
      file: path,
      cause,
      hint: 'Check that the file is readable by you.',
    });
  }
  const validBytes = buffer.lastIndexOf(0x0a) + 1;
  const text = buffer.subarray(0, validBytes).toString('utf8');
  const lines: { line: number; value: unknown }[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw === '') return;
    try {
      lines.push({ line: index + 1, value: JSON.parse(raw) });
    } catch (cause) {
      throw new DeployError('LedgerCorrupt', `Journal ${path} line ${index + 1} is not valid JSON`, {
        file: path,
        line: index + 1,
        cause,
        hint:
          'Only a crash can leave a damaged line, and only as the last one: this file was edited or damaged. ' +
          'Restore it from a backup; it is not reset automatically, because deploy would forget what it created.',
      });
    }
  });
  return { lines, validBytes };
}

/**
 * Appends records as lines and fsyncs them. `keepBytes`, when given, first cuts the file to
 * that length (dropping a torn line a crash left). The file is private: it may hold secrets.
 */
export function appendJournal(path: string, records: unknown[], keepBytes?: number): void {
  const { fd, size } = openForAppend(path, keepBytes);
  try {
    writeAll(fd, lines(records));
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // A new file's directory entry must be durable too, or a crash could lose the whole file.
  if (size === 0) syncDirectory(dirname(path));
}

/** Opens the journal to append, creating its directory, cut to `keepBytes`; its size before. */
function openForAppend(path: string, keepBytes: number | undefined): { fd: number; size: number } {
  const fd = openCreatingDirectory(path);
  try {
    let size = fstatSync(fd).size;
    if (keepBytes !== undefined && size > keepBytes) {
      ftruncateSync(fd, keepBytes);
      size = keepBytes;
    }
    return { fd, size };
  } catch (cause) {
    closeSync(fd);
    throw cause;
  }
}

/**
 * Opens the file to append, creating its directory only when missing: a recursive mkdir before
 * every batch cost more than the open itself (~50 µs, 10 ms of a 500-resource apply's CPU).
 */
function openCreatingDirectory(path: string): number {
  try {
    return openSync(path, 'a', 0o600);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, 'a', 0o600);
  }
}

function lines(records: unknown[]): Buffer {
  return Buffer.from(records.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
}

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written);
}

interface Waiter {
  /** The record's line, serialized when appended: later changes to its objects cannot reach the file. */
  line: string;
  /** Called once the record is durable, before anyone awaiting it (or the writer going idle) hears. */
  durable: () => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: records appended while the event loop is busy, or while the previous batch is
 * being synced, are written together and share one fdatasync, which runs on libuv's thread
 * pool instead of blocking the event loop. Each `append` resolves only once its record is on
 * disk, so durability per record is unchanged: what a caller awaits is what survives a crash.
 * A failed batch rejects every record in it and is cut off the file before the next write.
 */
export class JournalWriter {
  readonly path: string;
  /** Bytes to keep of the file before the next write (a torn or failed tail is dropped). */
  #keepBytes: number | undefined;
  #staged: Waiter[] = [];
  #flight: Promise<void> | undefined;
  #scheduled = false;

  constructor(path: string, keepBytes?: number) {
    this.path = path;
    this.#keepBytes = keepBytes;
  }

  /** Nothing waits to be written. */
  get idle(): boolean {
    return this.#staged.length === 0 && this.#flight === undefined && !this.#scheduled;
  }

  /**
   * Appends a record: before returning when `now` (only while nothing asynchronous is pending),
   * else with the next group commit, resolving once it is durable. `durable` runs as soon as it
   * is. Failures are LedgerWriteFailed, and nothing of a failed batch is kept.
   */
  write(record: unknown, now: boolean, durable: () => void): Promise<void> | undefined {
    if (!now) return this.#append(record, durable).catch((cause: unknown) => Promise.reject(this.#failed(cause)));
    try {
      appendJournal(this.path, [record], this.#keepBytes);
    } catch (cause) {
      throw this.#failed(cause);
    }
    this.#keepBytes = undefined;
    durable();
    return undefined;
  }

  #failed(cause: unknown): DeployError {
    return writeFailed(this.path, cause, 'Nothing was recorded; the files are as they were.');
  }

  #append(record: unknown, durable: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#staged.push({ line: `${JSON.stringify(record)}\n`, durable, resolve, reject });
      if (this.#flight === undefined && !this.#scheduled) {
        // Waiting for the check phase lets everything the current tick records join the batch.
        this.#scheduled = true;
        setImmediate(() => {
          this.#scheduled = false;
          void this.#flush();
        });
      }
    });
  }

  /** Resolves when every record appended so far is written or failed. */
  async settled(): Promise<void> {
    while (!this.idle) await (this.#flight ?? new Promise((resolve) => setImmediate(resolve)));
  }

  /** The file was folded away (compaction): the next write starts a new one. */
  reset(): void {
    this.#keepBytes = undefined;
  }

  async #flush(): Promise<void> {
    while (this.#staged.length > 0) {
      const batch = this.#staged;
      this.#staged = [];
      const flight = this.#write(batch);
      this.#flight = flight.then(() => undefined);
      const failure = await flight;
      // Idle and applied before the waiters hear, so what they do next (compact) finds all done.
      if (this.#staged.length === 0) this.#flight = undefined;
      for (const w of batch) {
        if (failure !== undefined) w.reject(failure.error);
        else {
          w.durable();
          w.resolve();
        }
      }
    }
  }

  /** Writes and syncs a batch; what failed, if anything. */
  async #write(batch: Waiter[]): Promise<{ error: unknown } | undefined> {
    let size: number | undefined;
    try {
      const data = Buffer.from(batch.map((w) => w.line).join(''), 'utf8');
      const opened = openForAppend(this.path, this.#keepBytes);
      size = opened.size;
      try {
        writeAll(opened.fd, data);
        await new Promise<void>((resolve, reject) => fdatasync(opened.fd, (e) => (e ? reject(e) : resolve())));
      } finally {
        closeSync(opened.fd);
      }
      if (size === 0) syncDirectory(dirname(this.path));
      this.#keepBytes = undefined;
      return undefined;
    } catch (error) {
      // Whatever of the batch reached the file is not durable: cut it off before the next write.
      if (size !== undefined) this.#keepBytes = size;
      return { error };
    }
  }
}
