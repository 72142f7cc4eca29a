/**
 * The narrow interface through which state kept in S3 reaches the object store: whole objects
 * by key, with the conditions that make writes safe between runs (`If-None-Match: *` creates
 * only, `If-Match` replaces only the version last read). Plain data, no SDK types, so
 * src/state stays free of the SDK.
 */
export interface StoredObject {
  body: string;
  /** The object's ETag, quoted as S3 sends it. */
  etag: string;
}

export interface WriteCondition {
  /** Write only if the object's ETag is still this one. */
  ifMatch?: string;
  /** `*`: create only; fail if the object exists. */
  ifNoneMatch?: '*';
}

/** A conditional write lost: another writer got there first (HTTP 412, or 404 for If-Match on a missing key). */
export class PreconditionFailed extends Error {
  constructor(readonly key: string) {
    super(`the object ${key} changed since it was read`);
    this.name = 'PreconditionFailed';
  }
}

export interface ObjectStorePort {
  /** s3://bucket/prefix: for messages. */
  readonly location: string;
  /** The object, or undefined when there is none. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Writes the object and returns its new ETag; a failed condition throws PreconditionFailed. */
  put(key: string, body: string, condition?: WriteCondition): Promise<string>;
  /** Deletes it (a missing key is no error); a failed `ifMatch` throws PreconditionFailed. */
  delete(key: string, condition?: { ifMatch?: string }): Promise<void>;
  /** Keys under `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
}
