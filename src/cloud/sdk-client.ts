/**
 * One region's Cloud Control client as the adapter (cloud-control-client.ts) uses it: no retries
 * of the SDK's own, middleware resolved once per command type, every request through the wire
 * gate once signed, and status polls held until they are due (send-at.ts).
 */
import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import type { SendAt } from './send-at.js';
import { passThrough, socketsFor, type WireGate } from './wire-gate.js';

type SdkMiddleware = Parameters<CloudControlClient['middlewareStack']['addRelativeTo']>[0];

export interface SdkClientOptions {
  region: string;
  endpoint?: string | undefined;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  gate: WireGate;
  sendAt: SendAt;
}

export function sdkClient({ region, endpoint, credentials, gate, sendAt }: SdkClientOptions): CloudControlClient {
  const client = new CloudControlClient({
    region,
    // Retries are ours (withRetry): paced, jittered and counted in one place.
    maxAttempts: 1,
    // Middleware resolved once per command type, not per request: a third of the SDK's CPU.
    cacheMiddleware: true,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    requestHandler: socketsFor(gate),
  });
  passThrough(client.config.requestHandler, gate); // bounded after signing
  const holdPolls = (next: Parameters<SendAt['middleware']>[0]) => sendAt.middleware(next);
  client.middlewareStack.addRelativeTo(holdPolls as unknown as SdkMiddleware, {
    name: 'deploySendAt',
    relation: 'after',
    toMiddleware: 'httpSigningMiddleware',
  });
  return client;
}
