/**
 * The object store port on S3 (or the local cloud's S3 subset): `s3://bucket/prefix` plus the
 * key. Loopback endpoints (the local cloud) are addressed path-style, as they have no DNS per
 * bucket.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { DEFAULT_TIMEOUTS, type Timeouts } from './cloud-control-options.js';
import { isLoopbackUrl } from './loopback.js';
import { storeError } from './s3-store-error.js';
import { PreconditionFailed, type ObjectStorePort, type StoredObject, type WriteCondition } from './object-store.js';

export interface S3StoreOptions {
  bucket: string;
  /** Key prefix without a trailing slash ('' for the bucket's root). */
  prefix: string;
  /** Another S3 endpoint (AWS_ENDPOINT_URL_S3, the local cloud); default: AWS. */
  endpoint?: string | undefined;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  region?: string | undefined;
  /** Default: DEFAULT_TIMEOUTS, as for Cloud Control. */
  timeouts?: Timeouts;
}

export class S3ObjectStore implements ObjectStorePort {
  readonly location: string;
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(options: S3StoreOptions) {
    const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    this.#bucket = options.bucket;
    this.#prefix = options.prefix === '' ? '' : `${options.prefix}/`;
    this.location = `s3://${options.bucket}${options.prefix === '' ? '' : `/${options.prefix}`}`;
    this.#client = new S3Client({
      region: options.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1',
      ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.endpoint !== undefined && isLoopbackUrl(options.endpoint),
      // The state bucket may live in another region than the stack: follow S3's redirect to it.
      followRegionRedirects: true,
      ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
      // Without them a dropped packet or a dead connection holds the state lock's run for minutes.
      requestHandler: { connectionTimeout: timeouts.connectMs, socketTimeout: timeouts.idleMs },
    });
  }

  async get(key: string): Promise<StoredObject | undefined> {
    try {
      const out = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: this.#prefix + key }));
      return { body: (await out.Body?.transformToString('utf8')) ?? '', etag: out.ETag ?? '' };
    } catch (error) {
      if (statusOf(error) === 404 && (error as Error).name === 'NoSuchKey') return undefined;
      throw storeError(error, this.#bucket);
    }
  }

  async put(key: string, body: string, condition: WriteCondition = {}): Promise<string> {
    try {
      const out = await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: this.#prefix + key,
          Body: body,
          ContentType: 'application/json',
          ...(condition.ifMatch !== undefined ? { IfMatch: condition.ifMatch } : {}),
          ...(condition.ifNoneMatch !== undefined ? { IfNoneMatch: condition.ifNoneMatch } : {}),
        }),
      );
      return out.ETag ?? '';
    } catch (error) {
      throw lostCondition(error, key, condition.ifMatch !== undefined, this.#bucket);
    }
  }

  async delete(key: string, condition: { ifMatch?: string } = {}): Promise<void> {
    try {
      await this.#client.send(
        new DeleteObjectCommand({
          Bucket: this.#bucket,
          Key: this.#prefix + key,
          ...(condition.ifMatch !== undefined ? { IfMatch: condition.ifMatch } : {}),
        }),
      );
    } catch (error) {
      throw lostCondition(error, key, condition.ifMatch !== undefined, this.#bucket);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.#client
        .send(
          new ListObjectsV2Command({
            Bucket: this.#bucket,
            Prefix: this.#prefix + prefix,
            ...(token !== undefined ? { ContinuationToken: token } : {}),
          }),
        )
        .catch((error: unknown) => {
          throw storeError(error, this.#bucket);
        });
      for (const o of out.Contents ?? []) if (o.Key !== undefined) keys.push(o.Key.slice(this.#prefix.length));
      token = out.IsTruncated === true ? out.NextContinuationToken : undefined;
    } while (token !== undefined);
    return keys.sort();
  }

  /** Creates the bucket unless it exists: only for the local cloud, where nobody else can. */
  async ensureBucket(): Promise<void> {
    try {
      await this.#client.send(new HeadBucketCommand({ Bucket: this.#bucket }));
    } catch (error) {
      if (statusOf(error) !== 404) throw storeError(error, this.#bucket);
      await this.#client.send(new CreateBucketCommand({ Bucket: this.#bucket }));
    }
  }

  destroy(): void {
    this.#client.destroy();
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

/** 412, or 404 on an If-Match of a key that is gone: the condition failed. Anything else passes through. */
function lostCondition(error: unknown, key: string, ifMatch: boolean, bucket: string): unknown {
  const status = statusOf(error);
  if (status === 412 || (ifMatch && status === 404 && (error as Error).name !== 'NoSuchBucket')) {
    return new PreconditionFailed(key);
  }
  return storeError(error, bucket);
}
