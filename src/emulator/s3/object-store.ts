/**
 * The objects of the local cloud's S3 subset: buckets of keys with bodies and ETags, in memory
 * and, with a data directory, on disk (one file per object, written atomically), so state kept
 * in S3 outlives the `--local` run that wrote it, as it would on AWS. Conditional writes are
 * decided and applied in one synchronous step, so two requests can never both win.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredObject {
  body: Buffer;
  /** Quoted MD5 hex, as S3 sends it for a single-part upload. */
  etag: string;
  lastModified: Date;
}

/** What a conditional request asked: `If-None-Match: *` and `If-Match: "etag"`. */
export interface Conditions {
  ifNoneMatch?: string | undefined;
  ifMatch?: string | undefined;
}

export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class ObjectStore {
  private readonly buckets = new Map<string, Map<string, StoredObject>>();

  constructor(private readonly dir?: string) {
    if (dir !== undefined) this.load(dir);
  }

  createBucket(bucket: string): void {
    if (this.buckets.has(bucket)) return; // us-east-1 answers 200 to the owner again
    this.buckets.set(bucket, new Map());
    if (this.dir !== undefined) mkdirSync(join(this.dir, bucket), { recursive: true, mode: 0o700 });
  }

  hasBucket(bucket: string): boolean {
    return this.buckets.has(bucket);
  }

  get(bucket: string, key: string, conditions: Conditions = {}): StoredObject {
    const found = this.objects(bucket).get(key);
    if (!found) throw new S3Error('NoSuchKey', 404, 'The specified key does not exist.');
    checkConditions(found, conditions);
    return found;
  }

  put(bucket: string, key: string, body: Buffer, conditions: Conditions = {}): StoredObject {
    const objects = this.objects(bucket);
    const existing = objects.get(key);
    if (conditions.ifNoneMatch !== undefined && conditions.ifNoneMatch.trim() === '*' && existing) {
      throw new S3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold');
    }
    if (conditions.ifMatch !== undefined) {
      if (!existing) throw new S3Error('NoSuchKey', 404, 'The specified key does not exist.');
      checkConditions(existing, { ifMatch: conditions.ifMatch });
    }
    const stored = { body, etag: etagOf(body), lastModified: new Date() };
    if (this.dir !== undefined) writeAtomic(join(this.dir, bucket, encodeKey(key)), body);
    objects.set(key, stored);
    return stored;
  }

  delete(bucket: string, key: string, conditions: Conditions = {}): void {
    const objects = this.objects(bucket);
    const existing = objects.get(key);
    if (existing && conditions.ifMatch !== undefined) checkConditions(existing, { ifMatch: conditions.ifMatch });
    if (!existing && conditions.ifMatch !== undefined) {
      throw new S3Error('NoSuchKey', 404, 'The specified key does not exist.');
    }
    objects.delete(key);
    if (this.dir !== undefined) rmSync(join(this.dir, bucket, encodeKey(key)), { force: true });
  }

  /** Keys under `prefix`, in UTF-8 binary order as S3 lists them. */
  list(bucket: string, prefix = ''): [string, StoredObject][] {
    return [...this.objects(bucket)]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }

  private objects(bucket: string): Map<string, StoredObject> {
    const objects = this.buckets.get(bucket);
    if (!objects) throw new S3Error('NoSuchBucket', 404, 'The specified bucket does not exist');
    return objects;
  }

  private load(dir: string): void {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const bucket of readdirSync(dir)) {
      const objects = new Map<string, StoredObject>();
      for (const file of readdirSync(join(dir, bucket))) {
        if (file.endsWith('.tmp')) continue;
        const path = join(dir, bucket, file);
        const body = readFileSync(path);
        objects.set(decodeKey(file), { body, etag: etagOf(body), lastModified: statSync(path).mtime });
      }
      this.buckets.set(bucket, objects);
    }
  }
}

function checkConditions(found: StoredObject, conditions: Conditions): void {
  if (conditions.ifMatch !== undefined && unquote(conditions.ifMatch) !== unquote(found.etag)) {
    throw new S3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold');
  }
}

function etagOf(body: Buffer): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

function unquote(etag: string): string {
  return etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
}

/** Keys hold `/` and any character; file names may not. */
function encodeKey(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeKey(file: string): string {
  return Buffer.from(file, 'base64url').toString('utf8');
}

function writeAtomic(path: string, body: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, body, { mode: 0o600 });
  renameSync(tmp, path);
}
