/** The S3 state backend's fencing, against the local cloud's S3 through the real SDK. */
import { describe, expect, it } from 'vitest';
import { openS3ObjectStore, type S3ObjectStore } from '../../src/cloud/index.js';
import type { ObjectStorePort } from '../../src/cloud/object-store.js';
import { DeployError } from '../../src/errors/index.js';
import { ledgerEntry, s3Backend } from '../../src/state/index.js';
import { startCloud } from '../emulator/helpers.js';

async function store(): Promise<S3ObjectStore> {
  const cloud = await startCloud();
  const s3 = await openS3ObjectStore({
    bucket: 'state',
    prefix: 'team',
    endpoint: cloud.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await fetch(`${cloud.url}/state`, { method: 'PUT' }); // CreateBucket
  return s3;
}

const entry = (name: string) =>
  ledgerEntry({
    resource: name,
    type: 'AWS::Logs::LogGroup',
    region: 'us-east-1',
    identifier: name,
    dependsOn: [],
    exports: {},
    desired: { LogGroupName: name },
  });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (DeployError.is(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('S3 state backend', () => {
  it('a run whose lock was taken over cannot write the ledger, and is told who holds it', async () => {
    const objects = await store();
    const backend = s3Backend(objects);
    const lock = await backend.acquireLock('app', 'dev', { command: 'apply', leaseMs: 60_000 });
    const ledger = await backend.openLedger('app', 'dev');
    await ledger.putAsync(entry('logs'));

    // Another runner takes the lock over (as it would after this run's lease expired).
    const taken = { ...lock.info, owner: '77@ci-runner-2', pid: 77, host: 'ci-runner-2', token: 'theirs' };
    await objects.put('app/dev/lock.json', JSON.stringify(taken));
    const before = await objects.get('app/dev/state.json');

    expect(await codeOf(ledger.putAsync(entry('more')))).toMatch(/^StateConflict: .*77@ci-runner-2 running "apply"/);
    expect(await objects.get('app/dev/state.json')).toEqual(before);
    expect(ledger.get('more')).toBeUndefined(); // memory unchanged too
    await lock.release(); // not ours any more: left in place
    expect((await objects.get('app/dev/lock.json'))?.body).toContain('theirs');
  });

  it('a write over state someone else changed since it was read fails with 412, not overwriting it', async () => {
    const objects = await store();
    const backend = s3Backend(objects);
    await backend.acquireLock('app', 'dev', { command: 'apply' });
    const ledger = await backend.openLedger('app', 'dev');
    await ledger.putAsync(entry('logs'));
    const theirs = (await objects.get('app/dev/state.json'))?.body.replace('"logs"', '"logs" ') ?? '';
    await objects.put('app/dev/state.json', theirs);

    expect(await codeOf(ledger.putAsync(entry('more')))).toMatch(/^StateConflict: /);
    expect((await objects.get('app/dev/state.json'))?.body).toBe(theirs);
  });

  it('changes made while a write is in flight share the next write, in order, each durable when it resolves', async () => {
    const objects = await store();
    let stateWrites = 0;
    const counted: ObjectStorePort = {
      location: objects.location,
      get: (key) => objects.get(key),
      put: (key, body, condition) => {
        if (key.endsWith('state.json')) stateWrites += 1;
        return objects.put(key, body, condition);
      },
      delete: (key, condition) => objects.delete(key, condition),
      list: (prefix) => objects.list(prefix),
    };
    const backend = s3Backend(counted);
    const lock = await backend.acquireLock('app', 'dev', { command: 'apply' });
    const ledger = await backend.openLedger('app', 'dev');
    const names = Array.from({ length: 20 }, (_, i) => `logs-${i}`);
    await Promise.all([...names.map((name) => ledger.putAsync(entry(name))), ledger.removeAsync('logs-3')]);
    expect(stateWrites).toBeLessThanOrEqual(2); // the first change alone, then all the others together
    const stored = JSON.parse((await objects.get('app/dev/state.json'))?.body ?? '') as { resources: object };
    expect(Object.keys(stored.resources).sort()).toEqual(names.filter((n) => n !== 'logs-3').sort());

    // A bad change fails alone; a failed write fails its whole group and records none of it.
    const bad = ledger.intendAsync({
      resource: 'bad',
      type: 'AWS::Logs::LogGroup',
      region: '',
      operation: 'create',
      dependsOn: [],
    });
    const good = ledger.putAsync(entry('good'));
    expect(await codeOf(bad)).toMatch(/^InvalidIntent/);
    await good;
    await objects.put('app/dev/lock.json', JSON.stringify({ ...lock.info, token: 'theirs' }));
    const lost = [ledger.putAsync(entry('x')), ledger.putAsync(entry('y'))];
    for (const change of lost) expect(await codeOf(change)).toMatch(/^StateConflict/);
    expect([ledger.get('good') !== undefined, ledger.get('x'), ledger.get('y')]).toEqual([true, undefined, undefined]);
  });

  it('a ledger opened for writing without the lock is refused', async () => {
    const backend = s3Backend(await store());
    expect(await codeOf(backend.openLedger('app', 'dev'))).toMatch(/^InternalError/);
    expect((await backend.openLedger('app', 'dev', { readOnly: true })).entries()).toEqual([]);
  });
});
