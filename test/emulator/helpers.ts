/**
 * Test helpers: every test talks to the local cloud through the real Cloud Control SDK.
 */
import {
  CloudControlClient,
  CreateResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  type ProgressEvent,
} from '@aws-sdk/client-cloudcontrol';
import { afterEach } from 'vitest';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../src/emulator/index.js';
import { schemaRegistry, type SchemaRegistry, type TypeSchema } from '../../src/schema/index.js';

export const API = 'AWS::ApiGatewayV2::Api';
export const INTEGRATION = 'AWS::ApiGatewayV2::Integration';
export const ROUTE = 'AWS::ApiGatewayV2::Route';
export const STAGE = 'AWS::ApiGatewayV2::Stage';
export const LOG_GROUP = 'AWS::Logs::LogGroup';

const open: LocalCloud[] = [];

/** The real registry, except that `typeName`'s schema is what `change` makes of it. */
export function registryWith(typeName: string, change: (schema: TypeSchema) => TypeSchema): SchemaRegistry {
  const real = schemaRegistry();
  const registry = Object.create(real) as SchemaRegistry;
  registry.find = (name: string) => {
    const schema = real.find(name);
    return schema?.typeName === typeName ? change(structuredClone(schema)) : schema;
  };
  return registry;
}

/** Closes every cloud started by startCloud (also done after each test). */
export async function closeClouds(): Promise<void> {
  await Promise.all(open.splice(0).map((cloud) => cloud.close()));
}
afterEach(closeClouds);

/** Starts a local cloud closed after the test. */
export async function startCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const cloud = await startLocalCloud(options);
  open.push(cloud);
  return cloud;
}

export function clientFor(
  cloud: { url: string },
  options: { region?: string; maxAttempts?: number } = {},
): CloudControlClient {
  return new CloudControlClient({
    region: options.region ?? 'us-east-1',
    endpoint: cloud.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
}

/** A cloud and an SDK client on it. */
export async function setup(
  options: LocalCloudOptions = {},
  clientOptions: { region?: string; maxAttempts?: number } = {},
): Promise<{ cloud: LocalCloud; client: CloudControlClient }> {
  const cloud = await startCloud(options);
  return { cloud, client: clientFor(cloud, clientOptions) };
}

const TERMINAL = new Set(['SUCCESS', 'FAILED', 'CANCEL_COMPLETE']);

/** Polls GetResourceRequestStatus until the request is finished. */
export async function settle(
  client: CloudControlClient,
  requestToken: string,
  timeoutMs = 3000,
): Promise<ProgressEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { ProgressEvent: event } = await client.send(
      new GetResourceRequestStatusCommand({ RequestToken: requestToken }),
    );
    if (event && TERMINAL.has(event.OperationStatus ?? '')) return event;
    if (Date.now() > deadline) throw new Error(`request ${requestToken} still ${event?.OperationStatus}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Creates a resource and waits for the outcome. */
export async function create(
  client: CloudControlClient,
  typeName: string,
  desired: Record<string, unknown>,
  clientToken?: string,
): Promise<ProgressEvent> {
  const { ProgressEvent: first } = await client.send(
    new CreateResourceCommand({
      TypeName: typeName,
      DesiredState: JSON.stringify(desired),
      ...(clientToken === undefined ? {} : { ClientToken: clientToken }),
    }),
  );
  return settle(client, first?.RequestToken as string);
}

export const websocketApi = {
  Name: 'demo',
  ProtocolType: 'WEBSOCKET',
  RouteSelectionExpression: '$request.body.action',
};

/** Creates an Api and returns its id. */
export async function createApi(
  client: CloudControlClient,
  desired: Record<string, unknown> = websocketApi,
): Promise<string> {
  const event = await create(client, API, desired);
  if (event.OperationStatus !== 'SUCCESS')
    throw new Error(`Api create ${event.OperationStatus}: ${event.StatusMessage}`);
  return event.Identifier as string;
}

export async function properties(
  client: CloudControlClient,
  typeName: string,
  identifier: string,
): Promise<Record<string, unknown>> {
  const out = await client.send(new GetResourceCommand({ TypeName: typeName, Identifier: identifier }));
  return JSON.parse(out.ResourceDescription?.Properties ?? '{}') as Record<string, unknown>;
}

/** The rejection of a promise (fails when it resolves). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}
