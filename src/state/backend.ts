/**
 * Where a stack's state lives, behind one interface: `file` (`<stack-dir>/.deploy/<env>/`,
 * the default) or `s3` (`s3://bucket/prefix/<stack>/<env>/`). The engine asks the backend for
 * the lock and the ledger and does not know which one it has.
 */
import type { ObjectStorePort } from '../cloud/object-store.js';
import { DeployError } from '../errors/index.js';
import { Ledger, type LedgerOpenOptions } from './ledger.js';
import { acquireLock, forceUnlock, lockHolder, type AcquireLockOptions, type Lock } from './lock.js';
import type { LockInfo } from './lock-file.js';
import { rmSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';
import { journalPath, stateDir, statePath } from './paths.js';
import { S3LedgerObject, stateKey } from './remote-ledger.js';
import { acquireS3Lock, forceS3Unlock, s3LockHolder } from './s3-lock.js';

export interface StateBackend {
  /** A directory or an s3:// URL, for messages. */
  readonly location: string;
  acquireLock(stack: string, env: string, options: AcquireLockOptions): Promise<Lock>;
  /** Read-only ledgers need no lock; writable ones are opened after acquireLock, by the same backend. */
  openLedger(stack: string, env: string, options?: LedgerOpenOptions): Promise<Ledger>;
  /** The live run holding the lock, if any. */
  lockHolder(stack: string, env: string): Promise<LockInfo | undefined>;
  forceUnlock(stack: string, env: string): Promise<LockInfo | undefined>;
  /** Replaces the whole ledger with `text` (state.json format; `deploy state push`); hold the lock. */
  writeSnapshot(stack: string, env: string, text: string): Promise<void>;
}

/** How every lock of a backend is taken: its lease and how long to wait for another run's lock. */
export type LockDefaults = Pick<AcquireLockOptions, 'leaseMs' | 'waitMs'>;

export function fileBackend(stackDir: string, lockDefaults: LockDefaults = {}): StateBackend {
  return {
    location: stackDir,
    acquireLock: (_stack, env, options) => acquireLock(stackDir, env, { ...lockDefaults, ...options }),
    openLedger: (stack, env, options) => Promise.resolve(Ledger.open(stackDir, env, stack, options)),
    lockHolder: (_stack, env) => Promise.resolve(lockHolder(stackDir, env)),
    forceUnlock: (_stack, env) => Promise.resolve(forceUnlock(stackDir, env)),
    writeSnapshot(_stack, env, text) {
      // As a compaction: the new state.json, then the journal it replaces goes.
      writeFileAtomic(statePath(stackDir, env), text);
      rmSync(journalPath(stackDir, env), { force: true });
      return Promise.resolve();
    },
  };
}

export function s3Backend(store: ObjectStorePort, lockDefaults: LockDefaults = {}): StateBackend {
  /** Tokens of the locks this backend acquired and still holds, by lock key: they fence ledger writes. */
  const held = new Map<string, string>();
  const lockKey = (stack: string, env: string): string => {
    stateDir('.', env); // the same check of the environment name as for files
    return stateKey(stack, env, 'lock.json');
  };
  return {
    location: store.location,
    async acquireLock(stack, env, options) {
      const key = lockKey(stack, env);
      const lock = await acquireS3Lock(store, key, { ...lockDefaults, ...options });
      held.set(key, lock.info.token);
      return {
        get info() {
          return lock.info;
        },
        release: async () => {
          held.delete(key);
          await lock.release();
        },
      };
    },
    async openLedger(stack, env, options = {}) {
      const key = lockKey(stack, env);
      const token = held.get(key);
      if (options.readOnly !== true && token === undefined) {
        throw new DeployError('InternalError', `opening ${store.location} for writing without its lock`);
      }
      const object = new S3LedgerObject(store, stateKey(stack, env, 'state.json'), key, token);
      return Ledger.openRemote(object, env, stack, options);
    },
    lockHolder: (stack, env) => s3LockHolder(store, lockKey(stack, env)),
    forceUnlock: (stack, env) => forceS3Unlock(store, lockKey(stack, env)),
    async writeSnapshot(stack, env, text) {
      const key = lockKey(stack, env);
      const object = new S3LedgerObject(store, stateKey(stack, env, 'state.json'), key, held.get(key));
      await object.read(); // its ETag: the write replaces this version only
      await object.write(text);
    },
  };
}
