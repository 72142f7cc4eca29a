import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../src/cloud/s3-object-store.js';
import { storeError } from '../../src/cloud/s3-store-error.js';
import { DeployError } from '../../src/errors/index.js';

function s3Failure(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: `${name}!` });
}

function mapped(error: unknown): DeployError {
  const out = storeError(error, 'team-state');
  if (!DeployError.is(out)) throw new Error('expected a DeployError');
  return out;
}

describe('storeError: what S3 says about the state bucket, as something to act on', () => {
  it('names the bucket and says how to create it, or which permissions are missing', () => {
    expect(mapped(s3Failure('NoSuchBucket', 404))).toMatchObject({ code: 'StateBucketMissing' });
    expect(mapped(s3Failure('NoSuchBucket', 404)).hint).toContain('aws s3 mb s3://team-state');
    const denied = mapped(s3Failure('Forbidden', 403));
    expect(denied).toMatchObject({
      code: 'StateAccessDenied',
      message: 'Access to the state bucket team-state was denied',
    });
    expect(denied.hint).toContain('s3:PutObject');
    expect(mapped(s3Failure('SlowDown', 503))).toMatchObject({ code: 'StateSlowDown' });
  });

  it('tells missing credentials and an unreachable endpoint apart', () => {
    const noCredentials = Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' });
    expect(mapped(noCredentials).code).toBe('StateNoCredentials');
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(mapped(refused)).toMatchObject({ code: 'StateUnreachable' });
  });

  it('gives up on an S3 that accepts connections and never answers, and says it could not be reached', async () => {
    const silent = http.createServer(() => {}); // every request is left without an answer
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const store = new S3ObjectStore({
      bucket: 'team-state',
      prefix: 'app',
      endpoint: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      timeouts: { connectMs: 1_000, idleMs: 100 },
    });
    try {
      await expect(store.get('dev/state.json')).rejects.toMatchObject({
        code: 'StateUnreachable',
        message: expect.stringContaining('TimeoutError'),
      });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('passes anything else through unchanged', () => {
    const other = new TypeError('a bug');
    expect(storeError(other, 'team-state')).toBe(other);
  });
});
