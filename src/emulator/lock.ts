/**
 * One server per data dir. `lock.json` in the dir records the owner's pid and url; it is
 * created with link(2), which is atomic and fails when the file exists, so two servers
 * starting together cannot both win, and the file is never seen half-written. A lock whose
 * pid is dead (a crashed server) is taken over.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeployError } from '../errors/index.js';

export const LOCK_FILE = 'lock.json';

export interface LockInfo {
  pid: number;
  url: string;
  startedAt: string;
}

export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.url === 'string'
      ? { pid: info.pid, url: info.url, startedAt: String(info.startedAt ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    // EPERM: the process exists but belongs to another user; it is alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// A killed server whose parent has not reaped it yet still answers kill(pid, 0); on Linux
// its state in /proc says it is dead (Z).
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** When a server already serves this data dir (its lock is live), its url and pid. */
export function runningLocalCloud(dataDir: string): { url: string; pid: number } | undefined {
  const info = readLock(dataDir);
  return info && isAlive(info.pid) ? { url: info.url, pid: info.pid } : undefined;
}

export function busyError(dataDir: string, owner: { url: string; pid: number }): DeployError {
  return new DeployError(
    'LocalCloudBusy',
    `the local cloud data dir '${dataDir}' is in use by another server (pid ${owner.pid}, ${owner.url})`,
    { hint: `point at it with --endpoint ${owner.url}, or stop it (pid ${owner.pid}) first` },
  );
}

export interface Lock {
  release(): void;
}

export function acquireLock(dataDir: string, url: string): Lock {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, url, startedAt: new Date().toISOString() };
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, JSON.stringify(mine));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(temp, path);
        return { release: () => releaseLock(path, mine) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readLock(dataDir);
      if (owner && isAlive(owner.pid)) throw busyError(dataDir, owner);
      takeOver(path, owner);
    }
    throw new DeployError('LocalCloudBusy', `could not lock the local cloud data dir '${dataDir}'`, {
      hint: 'another server keeps starting on it; stop it or use another data dir',
    });
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Moves a dead owner's lock aside. Renaming is atomic, so of two servers taking over at once
 * only one moves the stale file; the moved file is checked to be the stale one judged dead,
 * and a live lock moved by mistake (the other server won in between) is put back.
 */
function takeOver(path: string, stale: LockInfo | undefined): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else moved it first; retry from the top
  }
  const moved = readLockFile(aside);
  if (stale && moved && (moved.pid !== stale.pid || moved.startedAt !== stale.startedAt)) {
    try {
      linkSync(aside, path);
    } catch {
      // a third server took the place: it holds the lock, we will see it on retry
    }
  }
  unlinkSync(aside);
}

function readLockFile(file: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

function releaseLock(path: string, mine: LockInfo): void {
  const current = readLockFile(path);
  if (current?.pid === mine.pid && current.startedAt === mine.startedAt) unlinkSync(path);
}
