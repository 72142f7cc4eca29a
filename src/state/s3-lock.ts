/**
 * The stack lock as an object beside the S3 state: `<stack>/<env>/lock.json`, the same lease as
 * the file lock (lock.ts). Created with `If-None-Match: *`, so of two runs exactly one gets it;
 * renewed and released with `If-Match` on its own ETag, so a run never renews or deletes a lock
 * that is no longer its own; an expired lease (or, on the same host, a gone process) is taken
 * over by replacing it with `If-Match` on the ETag read, so only one contender takes it.
 */
import { PreconditionFailed, type ObjectStorePort } from '../cloud/object-store.js';
import { DeployError } from '../errors/index.js';
import { isExpired, newLockInfo, type LockInfo } from './lock-file.js';
import { ownerGone, type AcquireLockOptions, type Lock } from './lock.js';
import { readLockObject } from './remote-ledger.js';

const DEFAULT_LEASE_MS = 30_000;
const POLL_MS = 100;

export async function acquireS3Lock(store: ObjectStorePort, key: string, options: AcquireLockOptions): Promise<Lock> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const deadline = Date.now() + Math.max(0, options.waitMs ?? 0);
  for (;;) {
    const info = newLockInfo(options.command, leaseMs);
    const body = `${JSON.stringify(info, null, 2)}\n`;
    try {
      return new S3Lock(store, key, info, await store.put(key, body, { ifNoneMatch: '*' }), leaseMs);
    } catch (error) {
      if (!(error instanceof PreconditionFailed)) throw error;
    }
    const holder = await readLockObject(store, key);
    if (holder === undefined) continue; // released between our attempt and the read
    const why = ownerGone(holder.info) ? 'process gone' : isExpired(holder.info) ? 'lease expired' : undefined;
    if (why !== undefined) {
      try {
        const etag = await store.put(key, body, { ifMatch: holder.etag });
        options.onTakeover?.(holder.info, why);
        return new S3Lock(store, key, info, etag, leaseMs);
      } catch (error) {
        if (!(error instanceof PreconditionFailed)) throw error;
        continue; // another run took it (or renewed it) first
      }
    }
    const left = deadline - Date.now();
    if (left <= 0) throw lockedError(`${store.location}/${key}`, holder.info);
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
  }
}

/** The live holder of the lock object, if any. */
export async function s3LockHolder(store: ObjectStorePort, key: string): Promise<LockInfo | undefined> {
  let holder: LockInfo | undefined;
  try {
    holder = (await readLockObject(store, key))?.info;
  } catch (error) {
    if (DeployError.is(error)) return undefined; // damaged: acquire reports it
    throw error;
  }
  return holder === undefined || isExpired(holder) || ownerGone(holder) ? undefined : holder;
}

/** `deploy unlock`: removes the lock object whoever holds it. */
export async function forceS3Unlock(store: ObjectStorePort, key: string): Promise<LockInfo | undefined> {
  let info: LockInfo | undefined;
  try {
    info = (await readLockObject(store, key))?.info;
  } catch {
    info = undefined;
  }
  await store.delete(key);
  return info;
}

/** The S3 locks this process holds: a second Ctrl-C releases them before leaving (see releaseS3Locks). */
const held = new Set<S3Lock>();

/**
 * Releases every S3 lock this process holds, for a process about to exit without unwinding (a
 * second Ctrl-C). File locks need no such call: an 'exit' handler removes them (lock.ts); an
 * object in S3 cannot be deleted synchronously, so it is done here, and a run elsewhere need not
 * wait for the lease. What was in flight is in the state as pending intents, as after a crash.
 */
export async function releaseS3Locks(): Promise<void> {
  await Promise.all([...held].map((lock) => lock.release().catch(() => undefined)));
}

class S3Lock implements Lock {
  readonly #timer: NodeJS.Timeout;
  #renewing: Promise<void> = Promise.resolve();
  #released = false;

  constructor(
    private readonly store: ObjectStorePort,
    private readonly key: string,
    private current: LockInfo,
    private etag: string,
    private readonly leaseMs: number,
  ) {
    this.#timer = setInterval(
      () => {
        this.#renewing = this.#renewing.then(() => this.#renew());
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    // A forgotten release must not keep the process alive; the lease then simply expires.
    this.#timer.unref();
    held.add(this);
  }

  get info(): LockInfo {
    return { ...this.current };
  }

  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    held.delete(this);
    clearInterval(this.#timer);
    await this.#renewing;
    try {
      await this.store.delete(this.key, { ifMatch: this.etag });
    } catch (error) {
      // Taken over: the lock is another run's now, and stays.
      if (!(error instanceof PreconditionFailed)) throw error;
    }
  }

  async #renew(): Promise<void> {
    if (this.#released) return;
    const next = { ...this.current, expiresAt: new Date(Date.now() + this.leaseMs).toISOString() };
    try {
      this.etag = await this.store.put(this.key, `${JSON.stringify(next, null, 2)}\n`, { ifMatch: this.etag });
      this.current = next;
    } catch (error) {
      // Taken over (or unlocked by force): stop renewing someone else's lock.
      if (error instanceof PreconditionFailed) clearInterval(this.#timer);
      // Anything else is retried on the next tick; the lease outlives two missed ones.
    }
  }
}

function lockedError(location: string, holder: LockInfo): DeployError {
  return new DeployError(
    'StackLocked',
    `locked by ${holder.owner} running "${holder.command}" since ${holder.acquiredAt}; ` +
      `its lease expires at ${holder.expiresAt}`,
    {
      file: location,
      hint:
        'Wait for that run to finish and try again. If it is no longer running, run `deploy unlock <stack-dir> <env> ' +
        '--state …`, or retry after the lease expires.',
    },
  );
}
