/**
 * The ledger as one object in an object store (S3): `<stack>/<env>/state.json`, in the
 * state.json format. S3 has no append, so each change rewrites the whole object, conditionally:
 * `If-Match` with the ETag last read or written (`If-None-Match: *` while there is none). A run
 * whose lock was taken therefore never overwrites the new holder's state: the holder's first
 * write changes the ETag, and before each write the lock object is checked to still be ours.
 */
import { PreconditionFailed, type ObjectStorePort } from '../cloud/object-store.js';
import { DeployError } from '../errors/index.js';
import { parseLock, type LockInfo } from './lock-file.js';

/** What Ledger.openRemote needs: read once, then write whole texts. */
export interface LedgerObject {
  /** s3://bucket/prefix/<stack>/<env>/state.json: for messages. */
  readonly location: string;
  read(): Promise<string | undefined>;
  /** Replaces the object if nobody else wrote it since; a DeployError (StateConflict) otherwise. */
  write(text: string): Promise<void>;
}

export function stateKey(stack: string, env: string, name: 'state.json' | 'lock.json'): string {
  return `${stack}/${env}/${name}`;
}

/** The lock object as it is now, with its ETag (undefined: none). */
export async function readLockObject(
  store: ObjectStorePort,
  key: string,
): Promise<{ info: LockInfo; etag: string } | undefined> {
  const found = await store.get(key);
  return found === undefined
    ? undefined
    : { info: parseLock(found.body, `${store.location}/${key}`), etag: found.etag };
}

export class S3LedgerObject implements LedgerObject {
  readonly location: string;
  #etag: string | undefined;

  constructor(
    private readonly store: ObjectStorePort,
    private readonly key: string,
    private readonly lockKey: string,
    /** The token of the lock this run holds; undefined for a read-only ledger. */
    private readonly lockToken: string | undefined,
  ) {
    this.location = `${store.location}/${key}`;
  }

  async read(): Promise<string | undefined> {
    const found = await this.store.get(this.key);
    this.#etag = found?.etag;
    return found?.body;
  }

  async write(text: string): Promise<void> {
    const lock = await readLockObject(this.store, this.lockKey);
    if (this.lockToken === undefined || lock?.info.token !== this.lockToken) throw this.#conflict(lock?.info);
    try {
      this.#etag = await this.store.put(
        this.key,
        text,
        this.#etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: this.#etag },
      );
    } catch (error) {
      if (!(error instanceof PreconditionFailed)) throw error;
      // Our own write may have landed before its answer was lost: then the object is what we sent.
      const now = await this.store.get(this.key);
      if (now !== undefined && now.body === text) {
        this.#etag = now.etag;
        return;
      }
      throw this.#conflict((await readLockObject(this.store, this.lockKey))?.info);
    }
  }

  #conflict(owner: LockInfo | undefined): DeployError {
    const who =
      owner === undefined
        ? 'another run (no lock is held now)'
        : `${owner.owner} running "${owner.command}" since ${owner.acquiredAt}`;
    return new DeployError(
      'StateConflict',
      `The state ${this.location} was changed by ${who}; this run no longer holds its lock and records nothing more`,
      {
        file: this.location,
        hint:
          'This run lost its lock (its lease expired, or it was unlocked by force). Operations it started may be ' +
          'missing from the state: run `deploy plan` to see what the other run left, then apply again.',
      },
    );
  }
}
