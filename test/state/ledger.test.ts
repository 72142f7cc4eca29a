import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, test } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { hashOf } from '../../src/common/index.js';
import { Ledger, ledgerEntry } from '../../src/state/index.js';
import type { LedgerEntry } from '../../src/state/index.js';

let stackDir: string;
beforeEach(() => {
  stackDir = mkdtempSync(join(tmpdir(), 'deploy-ledger-'));
});
afterEach(() => {
  rmSync(stackDir, { recursive: true, force: true });
});

function entry(resource: string, desired: Record<string, unknown> = { Name: resource }): LedgerEntry {
  return ledgerEntry(
    {
      resource,
      type: 'AWS::S3::Bucket',
      region: 'us-east-1',
      identifier: `${resource}-id`,
      dependsOn: [],
      exports: { bucket_name: `${resource}-id` },
      desired,
    },
    new Date('2025-01-01T00:00:00.000Z'),
  );
}

function thrown(fn: () => unknown): DeployError {
  try {
    fn();
  } catch (error) {
    if (DeployError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a DeployError');
}

const statePath = (): string => join(stackDir, '.deploy', 'dev', 'state.json');

describe('Ledger', () => {
  it('starts empty without creating anything', () => {
    const ledger = Ledger.open(stackDir, 'dev', 'demo');
    expect(ledger.entries()).toEqual([]);
    expect(ledger.path).toBe(statePath());
    expect(readdirSync(stackDir)).toEqual([]);
  });

  it('round-trips entries through the file', () => {
    const ledger = Ledger.open(stackDir, 'dev', 'demo');
    const api = { ...entry('api', { Name: 'api', Tags: [{ Key: 'a', Value: 'b' }] }), dependsOn: ['role'] };
    ledger.put(entry('role'));
    ledger.put(api);
    const again = Ledger.open(stackDir, 'dev', 'demo');
    expect(again.get('api')).toEqual(api);
    expect(again.entries().map((e) => e.resource)).toEqual(['api', 'role']);
    const snapshot = {
      version: 2,
      stack: 'demo',
      env: 'dev',
      seq: 2,
      resources: { api, role: entry('role') },
      pending: [],
    };
    expect(again.toJSON()).toEqual(snapshot);
    again.compact();
    const onDisk = JSON.parse(readFileSync(statePath(), 'utf8')) as { version: number; resources: object };
    expect(onDisk).toEqual(snapshot);
    expect(Object.keys(onDisk.resources)).toEqual(['api', 'role']);
    expect(Ledger.open(stackDir, 'dev', 'demo').toJSON()).toEqual(snapshot);
  });

  it('computes desiredHash and updatedAt in ledgerEntry', () => {
    const e = entry('x', { b: 1, a: 2 });
    expect(e.desiredHash).toBe(hashOf({ a: 2, b: 1 }));
    expect(e.updatedAt).toBe('2025-01-01T00:00:00.000Z');
  });

  it('persists removals at once and ignores unknown names', () => {
    const ledger = Ledger.open(stackDir, 'dev', 'demo');
    ledger.put(entry('a'));
    ledger.put(entry('b'));
    ledger.remove('a');
    ledger.remove('never-there');
    expect(
      Ledger.open(stackDir, 'dev', 'demo')
        .entries()
        .map((e) => e.resource),
    ).toEqual(['b']);
  });

  it('lands every write of a quick succession and leaves no temp files', () => {
    const ledger = Ledger.open(stackDir, 'dev', 'demo');
    for (let i = 0; i < 40; i += 1) ledger.put(entry(`r${String(i).padStart(2, '0')}`));
    ledger.put({ ...entry('r00'), identifier: 'changed' });
    const again = Ledger.open(stackDir, 'dev', 'demo');
    expect(again.entries()).toHaveLength(40);
    expect(again.get('r00')?.identifier).toBe('changed');
    expect(readdirSync(join(stackDir, '.deploy', 'dev'))).toEqual(['journal.ndjson']);
    again.compact();
    expect(readdirSync(join(stackDir, '.deploy', 'dev'))).toEqual(['state.json']);
    expect(Ledger.open(stackDir, 'dev', 'demo').entries()).toEqual(again.entries());
  });

  it('is not changed by callers mutating entries they passed or received', () => {
    const ledger = Ledger.open(stackDir, 'dev', 'demo');
    const e = entry('a');
    ledger.put(e);
    e.exports['bucket_name'] = 'mutated';
    const got = ledger.get('a') as LedgerEntry;
    got.dependsOn.push('x');
    expect(ledger.get('a')).toEqual(entry('a'));
  });

  it('rejects a malformed entry and keeps memory and file unchanged', () => {
    const ledger = Ledger.open(stackDir, 'dev', 'demo');
    ledger.put(entry('a'));
    const bad = { ...entry('b'), dependsOn: 'a' } as unknown as LedgerEntry;
    expect(thrown(() => ledger.put(bad)).code).toBe('InvalidLedgerEntry');
    expect(ledger.entries()).toHaveLength(1);
  });

  it('reports a failed write and keeps memory unchanged', () => {
    const ledger = Ledger.open(stackDir, 'dev', 'demo');
    writeFileSync(join(stackDir, '.deploy'), 'a file where a directory should be');
    const error = thrown(() => ledger.put(entry('a')));
    expect(error.code).toBe('LedgerWriteFailed');
    expect(error.hint).toBeTruthy();
    expect(ledger.get('a')).toBeUndefined();
  });

  test.each([
    ['not JSON', '{"version": 1, "resources": {'],
    ['an array', '[]'],
    ['an unknown version', JSON.stringify({ version: 0, stack: 's', env: 'dev', resources: {} })],
    ['no seq', JSON.stringify({ version: 2, stack: 's', env: 'dev', resources: {}, pending: [] })],
    [
      'a bad pending intent',
      JSON.stringify({ version: 2, stack: 's', env: 'dev', seq: 1, resources: {}, pending: [{}] }),
    ],
    ['no version', JSON.stringify({ stack: 's', env: 'dev', resources: {} })],
    ['no resources', JSON.stringify({ version: 1, stack: 's', env: 'dev' })],
    [
      'an entry without identifier',
      JSON.stringify({ version: 1, stack: 's', env: 'dev', resources: { a: { ...entry('a'), identifier: 3 } } }),
    ],
    [
      'an entry under another name',
      JSON.stringify({ version: 1, stack: 's', env: 'dev', resources: { b: entry('a') } }),
    ],
    ['an empty file', ''],
  ])('refuses a state file with %s (LedgerCorrupt, never reset)', (_what, text) => {
    mkdirSync(join(stackDir, '.deploy', 'dev'), { recursive: true });
    writeFileSync(statePath(), text);
    const error = thrown(() => Ledger.open(stackDir, 'dev', 'demo'));
    expect(error.code).toBe('LedgerCorrupt');
    expect(error.message).toContain(statePath());
    expect(error.location.file).toBe(statePath());
    expect(error.hint).toBeTruthy();
    expect(readFileSync(statePath(), 'utf8')).toBe(text);
  });

  it('refuses a state file recorded for another environment', () => {
    const prod = Ledger.open(stackDir, 'prod', 'demo');
    prod.put(entry('a'));
    prod.compact();
    mkdirSync(join(stackDir, '.deploy', 'dev'), { recursive: true });
    writeFileSync(statePath(), readFileSync(join(stackDir, '.deploy', 'prod', 'state.json')));
    expect(thrown(() => Ledger.open(stackDir, 'dev', 'demo')).code).toBe('LedgerMismatch');
  });

  it('accepts a renamed stack and records the new name at the next compaction', () => {
    const old = Ledger.open(stackDir, 'dev', 'old-name');
    old.put(entry('a'));
    old.compact();
    const ledger = Ledger.open(stackDir, 'dev', 'new-name');
    expect(ledger.get('a')).toEqual(entry('a'));
    ledger.compact();
    expect(JSON.parse(readFileSync(statePath(), 'utf8'))).toMatchObject({ stack: 'new-name' });
  });

  test.each(['', '.', '..', '../prod', 'a/b', 'a\\b'])('refuses environment name %j', (env) => {
    expect(thrown(() => Ledger.open(stackDir, env, 'demo')).code).toBe('InvalidEnvironment');
  });
});
