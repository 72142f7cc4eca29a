/**
 * The ledger's journal file: one JSON record per line, appended and fsynced before the call
 * returns, so a record the engine was told is written survives a crash (kill -9, power cut).
 * Appending costs one small write and one fsync, however large the ledger grows; the file is
 * folded into state.json at the end of a run (compaction, in ledger.ts).
 *
 * A crash in the middle of an append leaves a torn last line without its newline. Readers skip
 * it (its operation never completed), and the next writer cuts it off before appending, so a
 * torn line can only ever be the last one.
 */
import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeployError } from '../errors/index.js';
import { syncDirectory } from './atomic-write.js';

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
  const fd = openSync(path, 'a', 0o600);
  let size = 0;
  try {
    size = fstatSync(fd).size;
    if (keepBytes !== undefined && size > keepBytes) ftruncateSync(fd, keepBytes);
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    const data = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written);
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // A new file's directory entry must be durable too, or a crash could lose the whole file.
  if (size === 0) syncDirectory(dirname(path));
}
