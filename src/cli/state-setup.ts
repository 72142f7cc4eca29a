/**
 * Which state backend a command uses: files in the stack directory, or S3 with `--state
 * s3://bucket/prefix` (or DEPLOY_STATE), reached where the cloud setup says S3 is.
 */
import { openS3ObjectStore } from '../cloud/index.js';
import { fileBackend, parseStateUrl, s3Backend, type StateBackend } from '../state/index.js';
import type { ConnectedCloud } from './cloud-setup.js';

export interface ConnectedState {
  backend: StateBackend;
  close(): void;
}

export async function connectState(
  state: string | undefined,
  stackDir: string,
  s3: ConnectedCloud['s3'],
): Promise<ConnectedState> {
  if (state === undefined || state === '') return { backend: fileBackend(stackDir), close: () => undefined };
  const { bucket, prefix } = parseStateUrl(state);
  const store = await openS3ObjectStore({ bucket, prefix, endpoint: s3.endpoint, credentials: s3.credentials });
  return { backend: s3Backend(store), close: () => store.destroy() };
}
