/**
 * The awsJson1_0 wire: `POST /` with `X-Amz-Target: CloudApiService.<Operation>` and a JSON
 * body; answers JSON with `x-amzn-requestid`. Errors carry the exception name both in the
 * `x-amzn-ErrorType` header (read by the JS SDK) and in the body's `__type` (the only place
 * botocore and the AWS CLI look), with the status from the service's error table.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { CloudControlError } from './cloud-error.js';
import { afterLatency } from './env.js';
import type { CloudControlService } from './service.js';

const TARGET_PREFIX = 'CloudApiService.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const DEFAULT_REGION = 'us-east-1';
// Credential=AKID/20260101/us-east-1/cloudcontrolapi/aws4_request: the region is the third part.
const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//;

export function regionOf(request: IncomingMessage): string {
  const match = CREDENTIAL_SCOPE.exec(request.headers.authorization ?? '');
  return match?.[1] ?? DEFAULT_REGION;
}

/** The operations a read latency applies to: the reads a plan makes. */
const READS = new Set(['GetResource', 'ListResources']);

interface Answer {
  status: number;
  payload: unknown;
  errorType?: string;
}

/**
 * `readLatency` holds back the answers of GetResource and ListResources (their result is taken
 * when the request arrives), so planning against the local cloud costs what it costs on AWS.
 */
export function wireHandler(service: CloudControlService, readLatency?: number | [number, number]): RequestListener {
  return (request, response) => {
    const arrived = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const result = answer(service, request, Buffer.concat(chunks).toString('utf8'));
      const read = READS.has(String(request.headers['x-amz-target']).slice(TARGET_PREFIX.length));
      const body = JSON.stringify(result.payload);
      afterLatency(read ? readLatency : undefined, () => send(response, result, body), arrived);
    });
    request.on('error', () => response.destroy());
  };
}

function answer(service: CloudControlService, request: IncomingMessage, body: string): Answer {
  try {
    return { status: 200, payload: service.handle(operationOf(request), parseBody(body), regionOf(request)) };
  } catch (error) {
    const failure =
      error instanceof CloudControlError
        ? error
        : new CloudControlError(
            'InternalFailure',
            `Internal error in the local cloud: ${error instanceof Error ? error.message : String(error)}`,
          );
    return {
      status: failure.status,
      payload: { __type: `com.amazonaws.cloudcontrol#${failure.errorType}`, Message: failure.message },
      errorType: failure.errorType,
    };
  }
}

function operationOf(request: IncomingMessage): string {
  const target = request.headers['x-amz-target'];
  if (request.method !== 'POST' || (request.url ?? '/').split('?')[0] !== '/') {
    throw new CloudControlError(
      'UnknownOperationException',
      `Only POST / is served (awsJson1_0), not ${request.method} ${request.url}.`,
    );
  }
  if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
    throw new CloudControlError(
      'UnknownOperationException',
      `Missing or unknown X-Amz-Target '${String(target ?? '')}'; expected ${TARGET_PREFIX}<Operation>.`,
    );
  }
  return target.slice(TARGET_PREFIX.length);
}

function parseBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new CloudControlError(
      'SerializationException',
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function send(response: ServerResponse, { status, errorType }: Answer, body: string): void {
  if (response.destroyed) return; // the client gave up while a read was held back
  const headers: Record<string, string | number> = {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
  };
  if (errorType !== undefined) headers['x-amzn-ErrorType'] = errorType;
  response.writeHead(status, headers);
  response.end(body);
}
