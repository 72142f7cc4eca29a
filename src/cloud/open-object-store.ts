/**
 * The S3 object store, its SDK loaded only when state lives in S3: importing @aws-sdk/client-s3
 * costs every command about 140 ms of start-up, and most runs keep their state in files.
 */
import type { S3ObjectStore, S3StoreOptions } from './s3-object-store.js';

export async function openS3ObjectStore(options: S3StoreOptions): Promise<S3ObjectStore> {
  const { S3ObjectStore } = await import('./s3-object-store.js');
  return new S3ObjectStore(options);
}
