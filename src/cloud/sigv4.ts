/**
 * Signature Version 4 for Cloud Control's requests, the same signature as the SDK's signer for
 * less CPU. Every request a run makes is signed, and the SDK's signer, run cold as a CLI runs it,
 * was about 7% of the engine's CPU in a 500-resource apply's profile: it wraps each of its four
 * hashes in objects of its own and hex-encodes them in script, derives a cache key for the signing
 * key from an HMAC of the credentials on every request, sorts the headers twice and normalizes the
 * path.
 *
 * The algorithm is AWS's (docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html):
 * a canonical request (method, path, query, the signed headers with their values trimmed and
 * inner whitespace folded, their names, the payload's SHA-256), a string to sign (algorithm, date,
 * scope, the canonical request's SHA-256), and its HMAC under a key derived from the secret key,
 * date, region and service. Signed as the SDK signs: every header but the ones it never signs,
 * and `x-amz-content-sha256` added. Only the requests Cloud Control's JSON protocol makes take
 * this path (POST to `/`, a body of bytes or text, no query, header names in lower case); any
 * other request, or credentials that do not look like credentials, go to the SDK's signer.
 */
import { createHash, createHmac } from 'node:crypto';
import { HttpRequest } from '@smithy/core/transport';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

type Body = string | Uint8Array;

export interface SigningOptions {
  signingDate?: Date;
  signingRegion?: string;
  signingService?: string;
}

/** What the SDK's signing step calls: its own signer, or this one. */
export interface RequestSigner {
  sign(request: HttpRequest, options?: SigningOptions): Promise<HttpRequest>;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Headers the SDK's signer leaves out of a signature (its ALWAYS_UNSIGNABLE_HEADERS). */
const UNSIGNED = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);
const UNSIGNED_PREFIX = /^(?:proxy|sec)-/;
const UPPER_CASE = /[A-Z]/;

export class CloudControlSigner implements RequestSigner {
  /** The last signing key: one client signs for one region and service, a key a day. */
  #key: { secret: string; scope: string; key: Buffer } | undefined;

  /**
   * `credentials` is the provider the SDK's signer reads; `region` and `service` are what it was
   * made with, used when the request's signing options name none (as the SDK's signer does).
   */
  constructor(
    private readonly sdk: RequestSigner,
    private readonly credentials: () => Promise<unknown>,
    private readonly defaults: { region: string; service: string },
  ) {}

  async sign(request: HttpRequest, options: SigningOptions = {}): Promise<HttpRequest> {
    const region = options.signingRegion ?? this.defaults.region;
    const service = options.signingService ?? this.defaults.service;
    if (!isPlainJsonPost(request)) return this.sdk.sign(request, options);
    const credentials = await this.credentials();
    if (!isCredentials(credentials)) return this.sdk.sign(request, options);

    const signed = HttpRequest.clone(request);
    const headers = signed.headers;
    delete headers['authorization'];
    delete headers['date'];
    const date = amzDate(options.signingDate ?? new Date());
    headers['x-amz-date'] = date;
    if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
    const payloadHash = (headers['x-amz-content-sha256'] ??= sha256(request.body as Body));

    const names = Object.keys(headers)
      .filter((name) => !UNSIGNED.has(name) && !UNSIGNED_PREFIX.test(name))
      .sort();
    const signedNames = names.join(';');
    const canonicalHeaders = names.map((name) => `${name}:${canonicalValue(headers[name] as string)}\n`).join('');
    const canonicalRequest = `POST\n/\n\n${canonicalHeaders}\n${signedNames}\n${payloadHash}`;
    const scope = `${date.slice(0, 8)}/${region}/${service}/aws4_request`;
    const stringToSign = `${ALGORITHM}\n${date}\n${scope}\n${sha256(canonicalRequest)}`;
    const signature = createHmac('sha256', this.signingKey(credentials, scope)).update(stringToSign).digest('hex');
    headers['authorization'] =
      `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedNames}, Signature=${signature}`;
    return signed;
  }

  /** The key for `scope` (date/region/service/aws4_request), derived again when it or the secret key changes. */
  private signingKey({ secretAccessKey: secret }: Credentials, scope: string): Buffer {
    const last = this.#key;
    if (last?.secret === secret && last.scope === scope) return last.key;
    let key: Buffer | string = `AWS4${secret}`;
    for (const part of scope.split('/')) key = createHmac('sha256', key).update(part).digest();
    this.#key = { secret, scope, key: key as Buffer };
    return key as Buffer;
  }
}

/** A request as Cloud Control's JSON protocol makes it, the only kind signed here. */
function isPlainJsonPost(request: HttpRequest): boolean {
  const body: unknown = request.body;
  if (request.method !== 'POST' || request.path !== '/') return false;
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return false;
  for (const _ in request.query) return false;
  for (const name in request.headers) {
    if (UPPER_CASE.test(name) || typeof request.headers[name] !== 'string') return false;
  }
  return true;
}

function isCredentials(value: unknown): value is Credentials {
  const credentials = value as Partial<Credentials> | null;
  return (
    typeof credentials === 'object' &&
    credentials !== null &&
    typeof credentials.accessKeyId === 'string' &&
    typeof credentials.secretAccessKey === 'string'
  );
}

/** The last second formatted: requests signed within one second share it. */
let formatted = { second: NaN, text: '' };

/** `20261201T174512Z`: ISO 8601 basic format, to the second, in UTC. */
function amzDate(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== formatted.second) {
    const iso = date.toISOString(); // 2026-12-01T17:45:12.345Z
    const text = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
    formatted = { second, text };
  }
  return formatted.text;
}

/** SHA-256 in hex; a string is hashed as its UTF-8 bytes. */
function sha256(data: Body): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What canonicalValue changes; most values have none of it. */
const UNCANONICAL = /[\r\n\t]| {2}|^ | $/;

/** A header value as signed: line breaks as spaces, runs of spaces and tabs as one, trimmed of one space each end. */
function canonicalValue(value: string): string {
  if (!UNCANONICAL.test(value)) return value;
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
}
