/**
 * The journal's group commit: changes made concurrently share one write and fsync, yet each is
 * on disk before its promise resolves, numbered apart, and a batch that cannot be written
 * leaves memory and file as they were.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { Ledger } from '../../src/state/index.js';
import { bucketCreate, bucketEntry } from './fixtures.js';

let stackDir: string;
beforeEach(() => {
  stackDir = mkdtempSync(join(tmpdir(), 'deploy-group-commit-'));
});
afterEach(() => {
  rmSync(stackDir, { recursive: true, force: true });
});

const journal = (): string => join(stackDir, '.deploy', 'dev', 'journal.ndjson');
const open = (): Ledger => Ledger.open(stackDir, 'dev', 'demo');
const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `r${String(i).padStart(2, '0')}`);

describe('concurrent ledger changes', () => {
  it('are each on disk when their promise resolves, numbered apart', async () => {
    const ledger = open();
    const intents = await Promise.all(names(20).map((name) => ledger.intendAsync(bucketCreate(name))));
    expect(new Set(intents.map((i) => i.id)).size).toBe(20);
    expect(new Set(intents.map((i) => i.clientToken)).size).toBe(20);
    // A second reader (the next run after a crash) sees every one of them.
    expect(open().pending()).toEqual(intents);
    await Promise.all(intents.map((intent) => ledger.putAsync(bucketEntry(intent.resource), intent)));
    const after = open();
    expect(after.pending()).toEqual([]);
    expect(after.entries().map((e) => e.resource)).toEqual(names(20));
    const seqs = readFileSync(journal(), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // Everything awaited is written: a synchronous compaction (as `deploy state` does) may follow.
    ledger.compact();
    expect(open().entries()).toHaveLength(20);
  });

  it('that cannot be written all fail, leave memory unchanged, and the next ones are written', async () => {
    const ledger = open();
    await ledger.putAsync(bucketEntry('kept'));
    await ledger.compactAsync();
    mkdirSync(journal()); // a directory where the journal should be: every append fails
    const results = await Promise.allSettled(names(5).map((name) => ledger.putAsync(bucketEntry(name))));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(((result as PromiseRejectedResult).reason as DeployError).code).toBe('LedgerWriteFailed');
    }
    expect(ledger.entries().map((e) => e.resource)).toEqual(['kept']);
    rmSync(journal(), { recursive: true });
    await ledger.putAsync(bucketEntry('later'));
    expect(
      open()
        .entries()
        .map((e) => e.resource),
    ).toEqual(['kept', 'later']);
  });

  it('are waited for by compaction, even one nobody awaited', async () => {
    const ledger = open();
    const intent = await ledger.intendAsync(bucketCreate('a'));
    void ledger.acceptedAsync(intent, 'request-a');
    // A synchronous change cannot overtake changes still waiting for the disk.
    expect(() => ledger.put(bucketEntry('b'))).toThrow(/asynchronous changes pending/);
    await ledger.compactAsync();
    expect(() => readFileSync(journal())).toThrow();
    expect(open().pending()).toEqual([{ ...intent, requestToken: 'request-a' }]);
  });
});
