/**
 * Which state backend a command uses: files in the stack directory, or S3 with `--state
 * s3://bucket/prefix` (or DEPLOY_STATE, or the manifest's `state:`), reached where the cloud
 * setup says S3 is; and how its lock is taken (--lock-timeout, DEPLOY_LOCK_LEASE_SECONDS).
 */
import { openS3ObjectStore } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import { fileBackend, parseStateUrl, s3Backend, type LockDefaults, type StateBackend } from '../state/index.js';
import type { ConnectedCloud } from './cloud-setup.js';
import { endpointUrl } from './values.js';

export interface ConnectedState {
  backend: StateBackend;
  close(): void;
}

/** The backend for `state` (a URL, or undefined for files); a failure closes `cloud` first. */
export async function connectState(
  state: string | undefined,
  stackDir: string,
  cloud: ConnectedCloud,
  lock: LockDefaults = {},
): Promise<ConnectedState> {
  if (state === undefined || state === '') return { backend: fileBackend(stackDir, lock), close: () => undefined };
  try {
    const { s3 } = cloud;
    const { bucket, prefix } = parseStateUrl(state);
    // --endpoint and the local cloud's URL are checked already: only AWS_ENDPOINT_URL_S3 can be
    // wrong here, and it matters only now that the state is in S3.
    if (s3.endpoint !== undefined) endpointUrl(s3.endpoint, 'AWS_ENDPOINT_URL_S3');
    const store = await openS3ObjectStore({ bucket, prefix, endpoint: s3.endpoint, credentials: s3.credentials });
    if (s3.local === true && s3.endpoint !== undefined) await store.ensureBucket();
    return { backend: s3Backend(store, lock), close: () => store.destroy() };
  } catch (error) {
    await cloud.close(); // a local cloud started for this run must not outlive it
    throw error;
  }
}

/**
 * --lock-timeout, and the lease from DEPLOY_LOCK_LEASE_SECONDS (default 30 s): how long the lock
 * of a run that crashed on another host blocks the others. Renewed every third of it.
 */
export function lockDefaults(lockTimeout: number, env: NodeJS.ProcessEnv): LockDefaults {
  const lease = env['DEPLOY_LOCK_LEASE_SECONDS'];
  if (lease === undefined || lease === '') return { waitMs: lockTimeout * 1000 };
  if (!/^\d+$/.test(lease) || Number(lease) < 3) {
    throw new DeployError(
      'InvalidOption',
      `DEPLOY_LOCK_LEASE_SECONDS must be a whole number of seconds, at least 3; got '${lease}'`,
      {
        hint: 'for example DEPLOY_LOCK_LEASE_SECONDS=60, or leave it unset for 30 seconds',
      },
    );
  }
  return { waitMs: lockTimeout * 1000, leaseMs: Number(lease) * 1000 };
}
