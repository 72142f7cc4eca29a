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
import { Ledger, ledgerEntry, type IntentRequest, type LedgerEntry } from '../../src/state/index.js';

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

function entry(resource: string): LedgerEntry {
  const fields = { resource, type: 'AWS::S3::Bucket', region: 'us-east-1', identifier: `${resource}-id` };
  return ledgerEntry({ ...fields, dependsOn: [], exports: {}, desired: { BucketName: resource } });
}

const create = (resource: string): IntentRequest => ({
  resource,
  type: 'AWS::S3::Bucket',
  region: 'us-east-1',
  operation: 'create',
  desired: { BucketName: resource },
  dependsOn: [],
});

describe('concurrent ledger changes', () => {
  it('are each on disk when their promise resolves, numbered apart', async () => {
    const ledger = open();
    const intents = await Promise.all(names(20).map((name) => ledger.intendAsync(create(name))));
    expect(new Set(intents.map((i) => i.id)).size).toBe(20);
    expect(new Set(intents.map((i) => i.clientToken)).size).toBe(20);
    // A second reader (the next run after a crash) sees every one of them.
    expect(open().pending()).toEqual(intents);
    await Promise.all(intents.map((intent) => ledger.putAsync(entry(intent.resource), intent)));
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
    await ledger.putAsync(entry('kept'));
    await ledger.compactAsync();
    mkdirSync(journal()); // a directory where the journal should be: every append fails
    const results = await Promise.allSettled(names(5).map((name) => ledger.putAsync(entry(name))));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(((result as PromiseRejectedResult).reason as DeployError).code).toBe('LedgerWriteFailed');
    }
    expect(ledger.entries().map((e) => e.resource)).toEqual(['kept']);
    rmSync(journal(), { recursive: true });
    await ledger.putAsync(entry('later'));
    expect(
      open()
        .entries()
        .map((e) => e.resource),
    ).toEqual(['kept', 'later']);
  });

  it('are waited for by compaction, even one nobody awaited', async () => {
    const ledger = open();
    const intent = await ledger.intendAsync(create('a'));
    void ledger.acceptedAsync(intent, 'request-a');
    // A synchronous change cannot overtake changes still waiting for the disk.
    expect(() => ledger.put(entry('b'))).toThrow(/asynchronous changes pending/);
    await ledger.compactAsync();
    expect(() => readFileSync(journal())).toThrow();
    expect(open().pending()).toEqual([{ ...intent, requestToken: 'request-a' }]);
  });
});
