/**
 * The S3 REST subset that state kept in S3 needs, path-style (`/bucket/key`), on the same port
 * as Cloud Control: CreateBucket, HeadBucket, Put/Get/Head/DeleteObject with `If-None-Match: *`
 * and `If-Match` (412 PreconditionFailed), and ListObjectsV2. Errors are S3's XML documents.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterLatency } from '../env.js';
import { S3Error, type Conditions, type ObjectStore, type StoredObject } from './object-store.js';

/** Cloud Control is always `POST /` with an X-Amz-Target; everything else is for S3. */
export function isS3Request(request: IncomingMessage): boolean {
  return request.headers['x-amz-target'] === undefined && (request.url ?? '/').split('?')[0] !== '/';
}

export function answerS3(store: ObjectStore, request: IncomingMessage, response: ServerResponse, raw: Buffer): void {
  const url = new URL(request.url ?? '/', 'http://local');
  const [bucket = '', ...rest] = url.pathname.slice(1).split('/');
  const key = rest.map(decodeURIComponent).join('/');
  const method = request.method ?? 'GET';
  try {
    if (key === '') bucketOperation(store, method, decodeURIComponent(bucket), url, response);
    else objectOperation(store, method, decodeURIComponent(bucket), key, request, response, raw);
  } catch (error) {
    const failure =
      error instanceof S3Error
        ? error
        : new S3Error('InternalError', 500, `Internal error in the local cloud: ${String(error)}`);
    const body =
      method === 'HEAD'
        ? ''
        : xml(
            `<Error><Code>${failure.code}</Code><Message>${escape(failure.message)}</Message><RequestId>${randomUUID()}</RequestId></Error>`,
          );
    send(response, failure.status, body, { 'content-type': 'application/xml' });
  }
}

function bucketOperation(store: ObjectStore, method: string, bucket: string, url: URL, response: ServerResponse): void {
  if (method === 'PUT') {
    store.createBucket(bucket);
    send(response, 200, '', { location: `/${bucket}` });
  } else if (method === 'HEAD') {
    if (!store.hasBucket(bucket)) throw new S3Error('NoSuchBucket', 404, 'The specified bucket does not exist');
    send(response, 200, '');
  } else if (method === 'GET' && url.searchParams.get('list-type') === '2') {
    send(response, 200, listV2(store, bucket, url.searchParams), { 'content-type': 'application/xml' });
  } else {
    throw new S3Error('NotImplemented', 501, `${method} on a bucket is not served by the local cloud`);
  }
}

function objectOperation(
  store: ObjectStore,
  method: string,
  bucket: string,
  key: string,
  request: IncomingMessage,
  response: ServerResponse,
  raw: Buffer,
): void {
  const conditions: Conditions = {
    ifMatch: header(request, 'if-match'),
    ifNoneMatch: header(request, 'if-none-match'),
  };
  switch (method) {
    case 'PUT': {
      const stored = store.put(bucket, key, decodeBody(request, raw), conditions);
      send(response, 200, '', { etag: stored.etag });
      return;
    }
    case 'GET':
    case 'HEAD': {
      const found = store.get(bucket, key, { ifMatch: conditions.ifMatch });
      send(response, 200, method === 'GET' ? found.body : '', objectHeaders(found), found.body.length);
      return;
    }
    case 'DELETE':
      store.delete(bucket, key, { ifMatch: conditions.ifMatch });
      send(response, 204, '');
      return;
    default:
      throw new S3Error('NotImplemented', 501, `${method} on an object is not served by the local cloud`);
  }
}

function listV2(store: ObjectStore, bucket: string, params: URLSearchParams): string {
  const prefix = params.get('prefix') ?? '';
  const maxKeys = Math.min(1000, Math.max(0, Number(params.get('max-keys') ?? 1000) || 1000));
  const token = params.get('continuation-token');
  const after = token !== null ? decodeToken(token) : (params.get('start-after') ?? '');
  const all = store.list(bucket, prefix).filter(([key]) => after === '' || key > after);
  const page = all.slice(0, maxKeys);
  const truncated = all.length > page.length;
  const contents = page.map(
    ([key, o]) =>
      `<Contents><Key>${escape(key)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified>` +
      `<ETag>${escape(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
  );
  const next = truncated ? `<NextContinuationToken>${encodeToken(page.at(-1)?.[0] ?? '')}</NextContinuationToken>` : '';
  return xml(
    `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${escape(bucket)}</Name>` +
      `<Prefix>${escape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys>` +
      `<IsTruncated>${truncated}</IsTruncated>${contents.join('')}${next}</ListBucketResult>`,
  );
}

/**
 * SDKs may stream a body as `aws-chunked` (`<hex size>;chunk-signature=…\r\n<data>\r\n`, then
 * trailers); the object is the data alone.
 */
function decodeBody(request: IncomingMessage, raw: Buffer): Buffer {
  const encoding = header(request, 'content-encoding') ?? '';
  const sha = header(request, 'x-amz-content-sha256') ?? '';
  if (!encoding.includes('aws-chunked') && !sha.startsWith('STREAMING-')) return raw;
  const parts: Buffer[] = [];
  let at = 0;
  while (at < raw.length) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0] ?? '0', 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function objectHeaders(found: StoredObject): Record<string, string> {
  return {
    etag: found.etag,
    'last-modified': found.lastModified.toUTCString(),
    'content-type': 'application/octet-stream',
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
  length = Buffer.byteLength(body),
): void {
  response.writeHead(status, { ...headers, 'content-length': length, 'x-amz-request-id': randomUUID() });
  response.end(body);
}

function xml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function encodeToken(key: string): string {
  return Buffer.from(key).toString('base64url');
}

function decodeToken(token: string): string {
  return Buffer.from(token, 'base64url').toString('utf8');
}

/**
 * Collects the request body, then answers it. `latency` delays each request before it is
 * answered (and its conditions checked), as a round trip to S3 would: state kept there costs
 * what it costs on AWS.
 */
export function s3Handler(
  store: ObjectStore,
  latency?: number | [number, number],
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const arrived = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () =>
      afterLatency(latency, () => answerS3(store, request, response, Buffer.concat(chunks)), arrived),
    );
    request.on('error', () => response.destroy());
  };
}
