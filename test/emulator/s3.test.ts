/** The S3 subset of the local cloud, through the real S3 SDK with its default settings. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { startCloud } from './helpers.js';

function s3For(cloud: { url: string }): S3Client {
  return new S3Client({
    region: 'us-east-1',
    endpoint: cloud.url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function failure(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3ServiceException) return { name: error.name, status: error.$metadata.httpStatusCode };
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('local cloud: S3 subset', () => {
  it('stores, reads, lists and deletes objects, with ETags', async () => {
    const s3 = s3For(await startCloud());
    await s3.send(new CreateBucketCommand({ Bucket: 'state' }));
    const put = await s3.send(new PutObjectCommand({ Bucket: 'state', Key: 'stack/dev/state.json', Body: '{"a":1}' }));
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'state', Key: 'stack/dev/state.json' }));
    expect(await got.Body?.transformToString()).toBe('{"a":1}');
    expect(got.ETag).toBe(put.ETag);
    await s3.send(new PutObjectCommand({ Bucket: 'state', Key: 'stack/prd/state.json', Body: 'x' }));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'state', Prefix: 'stack/' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['stack/dev/state.json', 'stack/prd/state.json']);
    await s3.send(new DeleteObjectCommand({ Bucket: 'state', Key: 'stack/dev/state.json' }));
    expect(await failure(s3.send(new GetObjectCommand({ Bucket: 'state', Key: 'stack/dev/state.json' })))).toEqual({
      name: 'NoSuchKey',
      status: 404,
    });
  });

  it('If-None-Match: * creates once; the second writer gets 412', async () => {
    const s3 = s3For(await startCloud());
    await s3.send(new CreateBucketCommand({ Bucket: 'locks' }));
    await s3.send(new PutObjectCommand({ Bucket: 'locks', Key: 'lock', Body: 'me', IfNoneMatch: '*' }));
    const second = s3.send(new PutObjectCommand({ Bucket: 'locks', Key: 'lock', Body: 'you', IfNoneMatch: '*' }));
    expect(await failure(second)).toMatchObject({ status: 412 });
    const got = await s3.send(new GetObjectCommand({ Bucket: 'locks', Key: 'lock' }));
    expect(await got.Body?.transformToString()).toBe('me');
  });

  it('If-Match writes only over the ETag last read', async () => {
    const s3 = s3For(await startCloud());
    await s3.send(new CreateBucketCommand({ Bucket: 'b' }));
    const first = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'v1' }));
    const second = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'v2', IfMatch: first.ETag }));
    const stale = s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'v3', IfMatch: first.ETag }));
    expect(await failure(stale)).toMatchObject({ status: 412 });
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' }));
    expect(head.ETag).toBe(second.ETag);
  });

  it('keeps objects on disk across restarts of a cloud with a data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deploy-s3-'));
    const first = await startCloud({ dataDir });
    await s3For(first).send(new CreateBucketCommand({ Bucket: 'b' }));
    await s3For(first).send(new PutObjectCommand({ Bucket: 'b', Key: 'a/b c', Body: 'kept' }));
    await first.close();
    const again = await startCloud({ dataDir });
    const got = await s3For(again).send(new GetObjectCommand({ Bucket: 'b', Key: 'a/b c' }));
    expect(await got.Body?.transformToString()).toBe('kept');
  });

  it('a missing bucket is NoSuchBucket', async () => {
    const s3 = s3For(await startCloud());
    expect(await failure(s3.send(new PutObjectCommand({ Bucket: 'nope', Key: 'k', Body: 'x' })))).toEqual({
      name: 'NoSuchBucket',
      status: 404,
    });
  });
});
