import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { acquireLock, forceUnlock } from '../../src/state/index.js';
import type { Lock, LockInfo } from '../../src/state/index.js';

let stackDir: string;
const held: Lock[] = [];
beforeEach(() => {
  stackDir = mkdtempSync(join(tmpdir(), 'deploy-lock-'));
});
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  rmSync(stackDir, { recursive: true, force: true });
});

const lockFile = (): string => join(stackDir, '.deploy', 'dev', 'lock.json');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function acquire(options: { command?: string; leaseMs?: number; waitMs?: number } = {}): Promise<Lock> {
  const lock = await acquireLock(stackDir, 'dev', { command: 'deploy apply', ...options });
  held.push(lock);
  return lock;
}

async function rejection(promise: Promise<unknown>): Promise<DeployError> {
  try {
    await promise;
  } catch (error) {
    if (DeployError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a DeployError');
}

/** A lock left behind by a run that crashed, whose lease expired `agoMs` ago (negative: still runs). */
function crashedLock(agoMs: number, pid = 999_999, host = hostname(), space?: string): LockInfo {
  const info: LockInfo = {
    owner: `${pid}@${host}`,
    pid,
    host,
    ...(space !== undefined ? { space } : {}),
    command: 'deploy teardown',
    acquiredAt: new Date(Date.now() - 60_000).toISOString(),
    expiresAt: new Date(Date.now() - agoMs).toISOString(),
    token: 'crashed',
  };
  mkdirSync(join(stackDir, '.deploy', 'dev'), { recursive: true });
  writeFileSync(lockFile(), JSON.stringify(info));
  return info;
}

describe('acquireLock', () => {
  it('writes the lock file and removes it on release', async () => {
    const lock = await acquire();
    expect(lock.info.owner).toBe(`${process.pid}@${hostname()}`);
    expect(lock.info.command).toBe('deploy apply');
    expect(Date.parse(lock.info.expiresAt) - Date.parse(lock.info.acquiredAt)).toBe(30_000);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(lock.info);
    await lock.release();
    await lock.release();
    expect(readdirSync(join(stackDir, '.deploy', 'dev'))).toEqual([]);
  });

  it('refuses a second run with StackLocked naming owner, command, start and lease expiry', async () => {
    const first = await acquire();
    const error = await rejection(acquire({ command: 'deploy teardown' }));
    expect(error.code).toBe('StackLocked');
    expect(error.message).toContain(first.info.owner);
    expect(error.message).toContain('deploy apply');
    expect(error.message).toContain(first.info.acquiredAt);
    expect(error.message).toContain(first.info.expiresAt);
    expect(error.hint).toContain(`deploy unlock ${stackDir} dev`);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(first.info);
  });

  it('keeps environments apart', async () => {
    await acquire();
    const prod = await acquireLock(stackDir, 'prod', { command: 'deploy apply' });
    held.push(prod);
    expect(existsSync(join(stackDir, '.deploy', 'prod', 'lock.json'))).toBe(true);
  });

  it('takes over the expired lease of a crashed run', async () => {
    crashedLock(1);
    const lock = await acquire();
    expect(lock.info.token).not.toBe('crashed');
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(lock.info);
    expect(readdirSync(join(stackDir, '.deploy', 'dev'))).toEqual(['lock.json']);
  });

  it('takes over at once, with a message, the lock of a process that is gone from this host', async () => {
    const child = spawnSync(process.execPath, ['-e', '0']);
    const dead = crashedLock(-30_000, child.pid);
    const told: [LockInfo, string][] = [];
    const lock = await acquireLock(stackDir, 'dev', {
      command: 'deploy apply',
      onTakeover: (previous, why) => told.push([previous, why]),
    });
    held.push(lock);
    expect(told).toEqual([[dead, 'process gone']]);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(lock.info);
  });

  it('keeps the lease of a live process on this host, and of any process on another host', async () => {
    crashedLock(-30_000, process.ppid);
    expect((await rejection(acquire())).code).toBe('StackLocked');
    const child = spawnSync(process.execPath, ['-e', '0']);
    crashedLock(-30_000, child.pid, 'another-host');
    expect((await rejection(acquire())).code).toBe('StackLocked');
  });

  it("keeps the lease of a gone pid from another container sharing this host's name", async () => {
    const ours = (await acquire()).info.space;
    await held.splice(0)[0]?.release();
    const child = spawnSync(process.execPath, ['-e', '0']);
    crashedLock(-30_000, child.pid, hostname(), 'other-boot/pid:[1]');
    expect((await rejection(acquire())).code).toBe('StackLocked');
    if (ours === undefined) return; // not Linux: no process space to compare
    // The same pid recorded from this process space is known to be gone.
    crashedLock(-30_000, child.pid, hostname(), ours);
    expect((await acquire()).info.token).not.toBe('crashed');
  });

  it('says so when it takes over an expired lease', async () => {
    crashedLock(1, process.ppid, 'another-host');
    const told: string[] = [];
    const lock = await acquireLock(stackDir, 'dev', {
      command: 'deploy apply',
      onTakeover: (_, why) => told.push(why),
    });
    held.push(lock);
    expect(told).toEqual(['lease expired']);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(lock.info);
  });

  it('takes over a tiny lease whose holder stopped renewing, and the old holder leaves it alone', async () => {
    const stalled = await acquire({ leaseMs: 20 });
    // Block the event loop: the holder cannot renew, as if it had hung.
    const until = Date.now() + 40;
    while (Date.now() < until) {
      /* spin */
    }
    const next = await acquire();
    expect(next.info.token).not.toBe(stalled.info.token);
    await sleep(30); // the stalled holder's renewal runs, sees the takeover and stops
    await stalled.release();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(next.info);
  });

  it('renews the lease so a long holder stays locked', async () => {
    const lock = await acquire({ leaseMs: 60 });
    const firstExpiry = lock.info.expiresAt;
    await sleep(250);
    expect(Date.parse(lock.info.expiresAt)).toBeGreaterThan(Date.parse(firstExpiry));
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(lock.info);
    expect((await rejection(acquire())).code).toBe('StackLocked');
  });

  it('waits with waitMs until the holder releases', async () => {
    const first = await acquire();
    setTimeout(() => void first.release(), 150);
    const started = Date.now();
    const second = await acquire({ waitMs: 5_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(second.info.token).not.toBe(first.info.token);
  });

  it('gives up after waitMs', async () => {
    await acquire();
    const started = Date.now();
    expect((await rejection(acquire({ waitMs: 200 }))).code).toBe('StackLocked');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('reports a damaged lock file instead of taking it', async () => {
    mkdirSync(join(stackDir, '.deploy', 'dev'), { recursive: true });
    writeFileSync(lockFile(), '{"owner":');
    const error = await rejection(acquire());
    expect(error.code).toBe('LockCorrupt');
    expect(error.hint).toContain('deploy unlock');
  });

  it('rejects a non-positive lease', async () => {
    expect((await rejection(acquire({ leaseMs: 0 }))).code).toBe('InvalidLease');
  });
});

describe('forceUnlock', () => {
  it('removes a live lock and returns what it held; the old holder then stops and leaves the new lock', async () => {
    const lock = await acquire({ leaseMs: 60 });
    expect(forceUnlock(stackDir, 'dev')).toEqual(lock.info);
    expect(existsSync(lockFile())).toBe(false);
    const next = await acquire();
    await sleep(50);
    await lock.release();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(next.info);
  });

  it('returns undefined when there is no lock', () => {
    expect(forceUnlock(stackDir, 'dev')).toBeUndefined();
  });

  it('removes a damaged lock file', () => {
    mkdirSync(join(stackDir, '.deploy', 'dev'), { recursive: true });
    writeFileSync(lockFile(), 'garbage');
    expect(forceUnlock(stackDir, 'dev')).toBeUndefined();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('returns the info of a crashed run', () => {
    const info = crashedLock(1_000);
    expect(forceUnlock(stackDir, 'dev')).toEqual(info);
  });
});
