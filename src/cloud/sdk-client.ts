/**
 * One region's Cloud Control client as the adapter (cloud-control-client.ts) uses it: no retries
 * of the SDK's own, middleware resolved once per command type, an HTTP handler of its own that
 * passes every request through the wire gate once signed (http-handler.ts), status polls held
 * until they are due (send-at.ts), and per-request work that gives the same answer all run long
 * done once per client; three middlewares of its own for the SDK's costliest generic ones
 * (sdk-lean.ts).
 */
import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { CloudHttpHandler } from './http-handler.js';
import { leanMiddleware } from './sdk-lean.js';
import { CloudControlSigner, type RequestSigner } from './sigv4.js';
import type { Timeouts } from './cloud-control-options.js';
import type { SendAt } from './send-at.js';
import type { WireGate } from './wire-gate.js';

type SdkMiddleware = Parameters<CloudControlClient['middlewareStack']['addRelativeTo']>[0];

export interface SdkClientOptions {
  region: string;
  endpoint?: string | undefined;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  gate: WireGate;
  sendAt: SendAt;
  timeouts: Timeouts;
}

export function sdkClient({
  region,
  endpoint,
  credentials,
  gate,
  sendAt,
  timeouts,
}: SdkClientOptions): CloudControlClient {
  const client = new CloudControlClient({
    region,
    // Retries are ours (withRetry): paced, jittered and counted in one place.
    maxAttempts: 1,
    // Middleware resolved once per command type, not per request: a third of the SDK's CPU.
    cacheMiddleware: true,
    ...(endpoint ? { endpoint: parsedEndpoint(endpoint) } : {}),
    ...(credentials ? { credentials } : {}),
    requestHandler: new CloudHttpHandler(gate, timeouts), // after signing: see wire-gate.ts
  });
  const holdPolls = (next: Parameters<SendAt['middleware']>[0]) => sendAt.middleware(next);
  client.middlewareStack.addRelativeTo(holdPolls as unknown as SdkMiddleware, {
    name: 'deploySendAt',
    relation: 'after',
    toMiddleware: 'httpSigningMiddleware',
  });
  doOncePerClient(client, region);
  leanMiddleware(client);
  return client;
}

/**
 * A custom endpoint as the SDK would parse it: given as text, the SDK parses it again (twice) for
 * every request. Frozen: every request is given this one object. One with a query (which the
 * CLI refuses, and the HTTP handler too) is left to the SDK as it is.
 */
function parsedEndpoint(
  text: string,
): string | Readonly<{ protocol: string; hostname: string; port?: number; path: string }> {
  const url = new URL(text);
  if (url.search !== '') return text;
  return Object.freeze({
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
  });
}

/**
 * The SDK's own work per request that gives the same result every time in a CLI run, done once
 * per client instead. In a run's first thousand requests (cold code, as a CLI run is) this is
 * about a tenth of the SDK's CPU per request (bench/sdk-request.mjs):
 * - the user-agent header, which it rebuilds for every request (escaping each part, encoding
 *   the features the request used): built once from the same parts;
 * - a SigV4 signer, which it makes for every request from a copy of the whole client config:
 *   one per client signs the same way (the signing date, the credentials and their refresh are
 *   looked up per request either way), and signs Cloud Control's requests itself (sigv4.ts);
 * - the logger middleware (no logger is configured) and the recursion detection middleware
 *   (which forwards an AWS Lambda trace id; a CLI run is not a Lambda function).
 */
function doOncePerClient(client: CloudControlClient, region: string): void {
  const stack = client.middlewareStack;
  for (const name of ['loggerMiddleware', 'recursionDetectionMiddleware', 'getUserAgentMiddleware']) stack.remove(name);
  let headers: Promise<Record<string, string>> | undefined;
  const setUserAgent =
    (next: (args: { request: unknown }) => Promise<unknown>) => async (args: { request: unknown }) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) Object.assign(request.headers, await (headers ??= userAgentHeaders(client.config)));
      return next(args);
    };
  stack.addRelativeTo(setUserAgent as unknown as SdkMiddleware, {
    name: 'deployUserAgent',
    relation: 'after',
    toMiddleware: 'contentLengthMiddleware',
  });

  const makeSigner = client.config.signer;
  let signer: ReturnType<typeof makeSigner> | undefined;
  client.config.signer = (authScheme) => {
    signer ??= makeSigner(authScheme).then(
      // The credentials provider the SDK's signer reads (refreshed when they expire), and the
      // region and service it was made with (set on the config as it was made).
      (sdk) => {
        const { signingRegion, signingName } = client.config as { signingRegion?: string; signingName?: string };
        const scope = { region: signingRegion ?? region, service: signingName ?? 'cloudcontrolapi' };
        return new CloudControlSigner(sdk as RequestSigner, () => client.config.credentials(), scope);
      },
      (error: unknown) => {
        signer = undefined; // a failed lookup is tried again by the next request
        throw error;
      },
    );
    return signer;
  };
}

/**
 * The headers the SDK's user-agent middleware sets in Node, from the same parts (SDK, language,
 * Node and OS versions, API, and the app id a team may set, AWS_SDK_UA_APP_ID or sdk_ua_app_id),
 * without the per-request feature list.
 */
async function userAgentHeaders(config: CloudControlClient['config']): Promise<Record<string, string>> {
  // Optional to AWS: should the parts be unreadable, requests go without one rather than fail.
  const found: [string, string?][] = [...(await config.defaultUserAgentProvider().catch(() => []))];
  const appId = await config.userAgentAppId().catch(() => undefined);
  if (appId) found.push(['app', appId]);
  const clean = (text: string) => text.replace(/[^!$%&'*+\-.^_`|~\w#/]/g, '-');
  const sections = found.map(([part, version]) => {
    const name = clean(part.startsWith('api/') ? part.toLowerCase() : part);
    return version ? `${name}${name.includes('/') ? '#' : '/'}${clean(version)}` : name;
  });
  if (sections.length === 0) return {};
  const sdk = sections.filter((section) => section.startsWith('aws-sdk-')).join(' ');
  return { 'user-agent': sections.join(' '), ...(sdk ? { 'x-amz-user-agent': sdk } : {}) };
}
