/**
 * The stack lock: one run per stack and environment. A lock is a lease: its holder renews it
 * every `leaseMs / 3`, so a crashed run's lock expires on its own and the next run takes it
 * over, while a live run, however long, keeps it. On the holder's own host there is no need to
 * wait for the lease: a lock whose process is gone (kill -9, a crash) is taken over at once.
 */
import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { DeployError } from '../errors/index.js';
import { createLock, isExpired, newLockInfo, readLock, removeStaleLock, rewriteLock } from './lock-file.js';
import { processSpace } from './process-space.js';
import type { LockInfo } from './lock-file.js';
import { lockPath } from './paths.js';

export interface Lock {
  release(): Promise<void>;
  /** The current lease (expiresAt moves forward with each renewal). */
  readonly info: LockInfo;
}

export interface AcquireLockOptions {
  /** Shown to whoever finds the stack locked, e.g. `deploy apply`. */
  command: string;
  /** Lease length; default 30 s. */
  leaseMs?: number;
  /** Keep retrying this long while another run holds the lock; default 0 (fail at once). */
  waitMs?: number;
  /** Told when a crashed run's lock is taken over: its process is gone, or its lease ran out. */
  onTakeover?: (previous: LockInfo, why: 'process gone' | 'lease expired') => void;
}

const DEFAULT_LEASE_MS = 30_000;
const POLL_MS = 100;

/** Takes `<stackDir>/.deploy/<env>/lock.json`, or throws `StackLocked` naming the holder. */
export async function acquireLock(stackDir: string, env: string, options: AcquireLockOptions): Promise<Lock> {
  const path = lockPath(stackDir, env);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  if (!(leaseMs > 0 && Number.isFinite(leaseMs))) {
    throw new DeployError('InvalidLease', `The lock lease must be a positive number of milliseconds, got ${leaseMs}`);
  }
  const deadline = Date.now() + Math.max(0, options.waitMs ?? 0);
  for (;;) {
    const info = newLockInfo(options.command, leaseMs);
    if (createLock(path, info)) return new HeldLock(path, info, leaseMs);
    const holder = readLock(path);
    if (holder === undefined) continue; // released between our attempt and the read
    const why = ownerGone(holder) ? 'process gone' : isExpired(holder) ? 'lease expired' : undefined;
    if (why !== undefined) {
      if (removeStaleLock(path, holder)) options.onTakeover?.(holder, why);
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw lockedError(stackDir, env, path, holder);
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
  }
}

/** The run holding the stack's lock, unless there is none or it is gone (expired, or its process ended). */
export function lockHolder(stackDir: string, env: string): LockInfo | undefined {
  let holder: LockInfo | undefined;
  try {
    holder = readLock(lockPath(stackDir, env));
  } catch {
    return undefined; // damaged: acquireLock reports it
  }
  return holder === undefined || isExpired(holder) || ownerGone(holder) ? undefined : holder;
}

/** Removes the lock whoever holds it (`deploy unlock`); returns what it held, if readable. */
export function forceUnlock(stackDir: string, env: string): LockInfo | undefined {
  const path = lockPath(stackDir, env);
  let info: LockInfo | undefined;
  try {
    info = readLock(path);
  } catch {
    // A damaged lock file is exactly what unlock is for: remove it anyway.
    info = undefined;
  }
  removeLockFile(path);
  return info;
}

/**
 * Locks this process holds. A process that exits without releasing (process.exit on a second
 * Ctrl-C) releases them on the way out, so the next run is not blocked until the lease ends.
 */
const held = new Set<HeldLock>();
process.on('exit', () => {
  for (const lock of [...held]) lock.releaseNow();
});

class HeldLock implements Lock {
  readonly #path: string;
  readonly #leaseMs: number;
  readonly #timer: NodeJS.Timeout;
  #info: LockInfo;
  #released = false;

  constructor(path: string, info: LockInfo, leaseMs: number) {
    this.#path = path;
    this.#info = info;
    this.#leaseMs = leaseMs;
    this.#timer = setInterval(() => this.#renew(), Math.max(1, Math.floor(leaseMs / 3)));
    // A forgotten release must not keep the process alive; the lease then simply expires.
    this.#timer.unref();
    held.add(this);
  }

  get info(): LockInfo {
    return { ...this.#info };
  }

  release(): Promise<void> {
    this.releaseNow();
    return Promise.resolve();
  }

  /** Synchronous, so it can also run in a process 'exit' handler (a second Ctrl-C). */
  releaseNow(): void {
    if (this.#released) return;
    this.#released = true;
    held.delete(this);
    clearInterval(this.#timer);
    let current: LockInfo | undefined;
    try {
      current = readLock(this.#path);
    } catch {
      current = undefined;
    }
    // Our lease may have expired and been taken over: never delete another run's lock.
    if (current?.token === this.#info.token) removeLockFile(this.#path);
  }

  // Synchronous on purpose: a renewal can then never interleave with release().
  #renew(): void {
    if (this.#released) return;
    try {
      const current = readLock(this.#path);
      if (current?.token !== this.#info.token) {
        // Taken over (or unlocked by force): stop renewing someone else's lock.
        clearInterval(this.#timer);
        return;
      }
      const next = { ...this.#info, expiresAt: new Date(Date.now() + this.#leaseMs).toISOString() };
      rewriteLock(this.#path, next);
      this.#info = next;
    } catch {
      // A failed renewal is retried on the next tick; the lease outlives two missed ones.
    }
  }
}

/**
 * Whether the holder ran on this host and its process no longer exists. Signal 0 tests for a
 * process without touching it; EPERM means it exists under another user. A pid reused by an
 * unrelated process looks alive, which only means waiting for the lease, as before. Other hosts
 * cannot be asked: their locks keep the lease rule.
 */
export function ownerGone(holder: LockInfo): boolean {
  if (holder.host !== hostname() || holder.pid === process.pid) return false;
  // Same host name, another container's processes: its pid cannot be checked from here.
  if (holder.space !== undefined && holder.space !== processSpace()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeLockFile(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // force ignores a missing file; anything else (permissions) leaves the lock to expire.
  }
}

function lockedError(stackDir: string, env: string, path: string, holder: LockInfo): DeployError {
  return new DeployError(
    'StackLocked',
    `${stackDir} (${env}) is locked by ${holder.owner} running "${holder.command}" since ${holder.acquiredAt}; ` +
      `its lease expires at ${holder.expiresAt}`,
    {
      file: path,
      hint:
        `Wait for that run to finish and try again. If it is no longer running, ` +
        `run \`deploy unlock ${stackDir} ${env}\`, or retry after the lease expires.`,
    },
  );
}
