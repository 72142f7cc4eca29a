/**
 * Durable storage in a data dir: a snapshot (`state.json`) plus an append-only journal
 * (`journal.ndjson`) of the changes since. Appending one line per finished request keeps a
 * create cheap however big the store grows; on start (and when the journal gets long) the
 * state is compacted into a new snapshot written to a temp file and renamed into place, so a
 * crash at any moment leaves either the old or the new snapshot, never a torn one. Replaying
 * is idempotent (whole records, keyed), so a crash between the rename and the journal's
 * truncation only replays changes the snapshot already holds.
 */
import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { RequestRecord, StoredResource } from './records.js';

export interface Snapshot {
  version: 1;
  nextSeq: number;
  resources: StoredResource[];
  requests: RequestRecord[];
}

/** One finished request and the resource change it made, if any. */
export interface JournalEntry {
  request?: RequestRecord;
  put?: StoredResource;
  delete?: { region: string; typeName: string; identifier: string };
}

export const SNAPSHOT_FILE = 'state.json';
export const JOURNAL_FILE = 'journal.ndjson';
const COMPACT_AFTER = 20_000;

export class Journal {
  private readonly fd: number;
  private appended = 0;

  private constructor(private readonly dir: string) {
    // Private: resource models hold whatever was deployed, secrets included.
    this.fd = openSync(join(dir, JOURNAL_FILE), 'a', 0o600);
    fchmodSync(this.fd, 0o600); // also a journal an older version created readable
  }

  /** Reads what the dir holds; the caller rebuilds its state, then calls compact(). */
  static open(dir: string): { journal: Journal; snapshot?: Snapshot; entries: JournalEntry[] } {
    const snapshotPath = join(dir, SNAPSHOT_FILE);
    const snapshot = existsSync(snapshotPath)
      ? (JSON.parse(readFileSync(snapshotPath, 'utf8')) as Snapshot)
      : undefined;
    const journalPath = join(dir, JOURNAL_FILE);
    const entries: JournalEntry[] = [];
    if (existsSync(journalPath)) {
      for (const line of readFileSync(journalPath, 'utf8').split('\n')) {
        if (line === '') continue;
        try {
          entries.push(JSON.parse(line) as JournalEntry);
        } catch {
          // Only the last line can be torn (a crash mid-append); its request never finished.
          break;
        }
      }
    }
    const journal = new Journal(dir);
    return snapshot ? { journal, snapshot, entries } : { journal, entries };
  }

  append(entry: JournalEntry): void {
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    this.appended++;
  }

  get needsCompaction(): boolean {
    return this.appended >= COMPACT_AFTER;
  }

  /** Writes `snapshot` atomically and starts an empty journal. */
  compact(snapshot: Snapshot): void {
    const path = join(this.dir, SNAPSHOT_FILE);
    const temp = `${path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(snapshot));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    // Opened for appending, so writes after the truncation start again at offset 0.
    ftruncateSync(this.fd, 0);
    this.appended = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}
