/**
 * The lock file's content and the low-level operations on it. Every write is atomic (temp
 * file + link or rename), so a lock file is never seen half-written: unreadable content
 * means real damage, not a race with its writer.
 */
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DeployError } from '../errors/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { processSpace } from './process-space.js';

export interface LockInfo {
  /** `pid@host`, for people. */
  owner: string;
  pid: number;
  host: string;
  /** The holder's boot and pid namespace (processSpace): its pid means something only there. */
  space?: string;
  /** What the holder is doing, e.g. `deploy apply`. */
  command: string;
  acquiredAt: string;
  /** The lease: past this time the holder is presumed crashed and the lock may be taken over. */
  expiresAt: string;
  /** Random id of this acquisition: tells two holders in one process apart. */
  token: string;
}

export function newToken(): string {
  return randomBytes(12).toString('hex');
}

/** A fresh lease for this process, from now. */
export function newLockInfo(command: string, leaseMs: number): LockInfo {
  const now = Date.now();
  const space = processSpace();
  return {
    owner: `${process.pid}@${hostname()}`,
    pid: process.pid,
    host: hostname(),
    ...(space !== undefined ? { space } : {}),
    command,
    acquiredAt: new Date(now).toISOString(),
    expiresAt: new Date(now + leaseMs).toISOString(),
    token: newToken(),
  };
}

/** The current lock, undefined when there is none. */
export function readLock(path: string): LockInfo | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
  return parseLock(text, path);
}

export function parseLock(text: string, path: string): LockInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const info = raw as Partial<Record<keyof LockInfo, unknown>> | undefined;
  const fields = ['owner', 'host', 'command', 'acquiredAt', 'expiresAt', 'token'] as const;
  if (
    typeof info !== 'object' ||
    info === null ||
    typeof info.pid !== 'number' ||
    !fields.every((f) => typeof info[f] === 'string') ||
    !(info.space === undefined || typeof info.space === 'string') ||
    Number.isNaN(Date.parse(info.expiresAt as string))
  ) {
    throw new DeployError('LockCorrupt', `Lock file ${path} is unreadable`, {
      file: path,
      hint: 'Make sure no deploy is running on this stack and environment, then run `deploy unlock <stack-dir> <env>`.',
    });
  }
  return info as LockInfo;
}

export function isExpired(info: LockInfo, now = Date.now()): boolean {
  return Date.parse(info.expiresAt) <= now;
}

/** Creates the lock file only if there is none; false when another one exists. */
export function createLock(path: string, info: LockInfo): boolean {
  try {
    writeFileAtomic(path, `${JSON.stringify(info, null, 2)}\n`, { exclusive: true, mode: 0o644 });
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cause;
  }
}

/** Replaces the lock file (renewal by its holder). */
export function rewriteLock(path: string, info: LockInfo): void {
  writeFileAtomic(path, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o644 });
}

/**
 * Removes a lock judged expired, but only if it is still that same lock. Checking and then
 * deleting would race with another run doing the same and delete that run's fresh lock; so
 * the file is first renamed aside (atomic: exactly one run gets it), then checked, and put
 * back when it turns out to be a fresh lock that appeared in the meantime. True when the stale
 * lock was removed.
 */
export function removeStaleLock(path: string, stale: LockInfo): boolean {
  const aside = `${path}.${process.pid}.${newToken()}.stale`;
  try {
    renameSync(path, aside);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw cause;
  }
  let removed = true;
  try {
    let moved: LockInfo | undefined;
    try {
      moved = readLock(aside);
    } catch {
      moved = undefined;
    }
    if (moved !== undefined && (moved.token !== stale.token || moved.expiresAt !== stale.expiresAt)) {
      removed = false;
      // Not the lock we judged: restore it unless yet another run has taken the slot.
      try {
        writeFileAtomic(path, readFileSync(aside, 'utf8'), { exclusive: true, mode: 0o644 });
      } catch {
        // EEXIST: someone holds the lock now; the caller re-reads and reports it.
      }
    }
  } finally {
    rmSync(aside, { force: true });
  }
  return removed;
}
