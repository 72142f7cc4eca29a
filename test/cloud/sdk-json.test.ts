/**
 * Cloud Control's requests as the engine's client writes them and its answers as it reads them
 * (sdk-json.ts), against the SDK's own client: the same request bytes for the same command, and
 * every output equal, member for member, Dates included, for the very same answer bytes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CancelResourceRequestCommand,
  CloudControlClient,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourceRequestsCommand,
  ListResourcesCommand,
  UpdateResourceCommand,
} from '@aws-sdk/client-cloudcontrol';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUTS } from '../../src/cloud/cloud-control-options.js';
import { sdkClient } from '../../src/cloud/sdk-client.js';
import { SendAt } from '../../src/cloud/send-at.js';
import { WireGate } from '../../src/cloud/wire-gate.js';

/** The next answer's body (JSON text), status and content type. */
let answer = { status: 200, body: '{}', type: 'application/x-amz-json-1.0' };
/** What the server received, in order. */
const received: { url: string | undefined; headers: http.IncomingHttpHeaders; body: string }[] = [];
let server: http.Server;
let ours: CloudControlClient;
let sdks: CloudControlClient;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ url: request.url, headers: request.headers, body });
      response.writeHead(answer.status, { 'content-type': answer.type, 'x-amzn-RequestId': 'req-1' });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };
  ours = sdkClient({
    region: 'us-east-1',
    endpoint,
    credentials,
    gate: new WireGate(4),
    sendAt: new SendAt(),
    timeouts: DEFAULT_TIMEOUTS,
  });
  sdks = new CloudControlClient({ region: 'us-east-1', endpoint, credentials, maxAttempts: 1 });
});
afterAll(async () => {
  ours.destroy();
  sdks.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** What each client makes of `body` for `command`: its output, or the error it throws. */
async function both(command: () => object, body: string, status = 200) {
  answer = { status, body, type: 'application/x-amz-json-1.0' };
  const outcome = (client: CloudControlClient) =>
    (client.send as (command: object) => Promise<unknown>)(command()).then(
      (output: unknown) => ({ output }),
      (error: unknown) => ({
        error: { ...(error as object), name: (error as Error).name, message: (error as Error).message },
      }),
    );
  return { ours: await outcome(ours), sdk: await outcome(sdks) };
}

const event = {
  TypeName: 'AWS::ApiGatewayV2::Api',
  Identifier: 'a1b2c3',
  RequestToken: 'tok-1',
  HooksRequestToken: 'hook-1',
  Operation: 'CREATE',
  OperationStatus: 'IN_PROGRESS',
  EventTime: 1764611112.345,
  ResourceModel: '{"Name":"x"}',
  StatusMessage: 'working',
  RetryAfter: 1764611113.9995,
};

describe("the engine's client reads answers as the SDK does", () => {
  it.each([
    [
      'a resource',
      () => new GetResourceCommand({ TypeName: 'T', Identifier: 'a' }),
      { TypeName: 'T', ResourceDescription: { Identifier: 'a', Properties: '{"Name":"é 🚀","N":1}' } },
    ],
    [
      'members the schema does not name, and nulls',
      () => new GetResourceCommand({ TypeName: 'T', Identifier: 'a' }),
      { TypeName: 'T', Extra: { x: 1 }, ResourceDescription: { Identifier: 'a', Properties: null, More: 2 } },
    ],
    [
      'a progress event, timestamps in epoch seconds',
      () => new CreateResourceCommand({ TypeName: 'T', DesiredState: '{}', ClientToken: 'c' }),
      { ProgressEvent: event },
    ],
    [
      'a timestamp sent as a string',
      () => new CreateResourceCommand({ TypeName: 'T', DesiredState: '{}', ClientToken: 'c' }),
      { ProgressEvent: { ...event, EventTime: '1764611112.5' } },
    ],
    [
      'a status with hook events',
      () => new GetResourceRequestStatusCommand({ RequestToken: 'tok-1' }),
      {
        ProgressEvent: { ...event, OperationStatus: 'SUCCESS' },
        HooksProgressEvent: [
          { HookTypeName: 'H', HookStatus: 'HOOK_COMPLETE_SUCCEEDED', HookEventTime: 1764611112, FailureMode: 'FAIL' },
          null,
        ],
      },
    ],
    [
      'a page of resources',
      () => new ListResourcesCommand({ TypeName: 'T' }),
      {
        TypeName: 'T',
        ResourceDescriptions: [{ Identifier: 'a', Properties: '{}' }, { Identifier: 'b' }],
        NextToken: 'n',
      },
    ],
    [
      'a page of requests',
      () => new ListResourceRequestsCommand({}),
      { ResourceRequestStatusSummaries: [event, { ...event, ErrorCode: 'NotFound' }] },
    ],
    [
      'a record with __type',
      () => new GetResourceCommand({ TypeName: 'T', Identifier: 'a' }),
      { __type: 'x', TypeName: 'T', Other: 1 },
    ],
    ['a wrong shape', () => new ListResourcesCommand({ TypeName: 'T' }), { ResourceDescriptions: { Identifier: 'a' } }],
  ])('%s', async (name, command, body) => {
    const protocol = ours.config.protocol as unknown as { deserializeResponse: () => unknown };
    const handedOn = vi.spyOn(protocol, 'deserializeResponse');
    const { ours: got, sdk } = await both(command, JSON.stringify(body));
    expect(got).toEqual(sdk);
    expect('output' in got).toBe(true);
    // Read here, unless the answer holds what only the SDK reads.
    expect(handedOn).toHaveBeenCalledTimes(['a record with __type', 'a wrong shape'].includes(name) ? 1 : 0);
    handedOn.mockRestore();
  });

  it('an empty answer; and one that is not JSON fails as a SyntaxError with its status', async () => {
    const empty = await both(() => new GetResourceCommand({ TypeName: 'T', Identifier: 'a' }), '');
    expect(empty.ours).toEqual(empty.sdk);
    const broken = await both(() => new GetResourceCommand({ TypeName: 'T', Identifier: 'a' }), 'not json {');
    for (const outcome of [broken.ours, broken.sdk]) {
      expect(outcome).toMatchObject({ error: { name: 'SyntaxError', $metadata: { httpStatusCode: 200 } } });
    }
  });

  it('errors, left to the SDK', async () => {
    const body = JSON.stringify({ __type: 'com.amazonaws.cloudcontrol#ResourceNotFoundException', Message: 'gone' });
    const { ours: got, sdk } = await both(() => new GetResourceCommand({ TypeName: 'T', Identifier: 'a' }), body, 400);
    expect(got).toEqual(sdk);
    expect(got).toMatchObject({ error: { name: 'ResourceNotFoundException', message: 'gone' } });
  });
});

describe("the engine's client writes requests as the SDK does", () => {
  const text = 'a "quoted" \\ back\tslash\n é 🚀 \u2028 \u0001 \ud800 lone';
  it.each([
    ['GetResource', () => new GetResourceCommand({ TypeName: 'AWS::S3::Bucket', Identifier: text })],
    [
      'CreateResource',
      () =>
        new CreateResourceCommand({
          TypeName: 'T',
          DesiredState: JSON.stringify({ Name: text, N: 1.5 }),
          ClientToken: 'c-1',
          RoleArn: 'arn:aws:iam::1:role/r',
        }),
    ],
    [
      'UpdateResource',
      () =>
        new UpdateResourceCommand({
          TypeName: 'T',
          Identifier: 'a|b',
          PatchDocument: '[{"op":"add","path":"/X","value":1}]',
          ClientToken: 'c-2',
          TypeVersionId: '00000001',
        }),
    ],
    ['DeleteResource', () => new DeleteResourceCommand({ TypeName: 'T', Identifier: 'a', ClientToken: 'c-3' })],
    [
      'ListResources',
      () => new ListResourcesCommand({ TypeName: 'T', MaxResults: 50, NextToken: 'n', ResourceModel: '{}' }),
    ],
    [
      'ListResourceRequests',
      () =>
        new ListResourceRequestsCommand({
          MaxResults: 10,
          ResourceRequestStatusFilter: { Operations: ['CREATE', 'DELETE'], OperationStatuses: ['FAILED'] },
        }),
    ],
    ['GetResourceRequestStatus', () => new GetResourceRequestStatusCommand({ RequestToken: 'tok-1' })],
    ['CancelResourceRequest', () => new CancelResourceRequestCommand({ RequestToken: 'tok-1' })],
    [
      'members not in the schema, and nulls',
      () => new GetResourceCommand({ TypeName: 'T', Identifier: 'a', Extra: 'x', RoleArn: null } as never),
    ],
    ['a number that is not finite', () => new ListResourcesCommand({ TypeName: 'T', MaxResults: Number.NaN })],
  ])('%s', async (name, command) => {
    const protocol = ours.config.protocol as unknown as { serializeRequest: () => unknown };
    const handedOn = vi.spyOn(protocol, 'serializeRequest');
    received.length = 0;
    await both(command, '{}');
    expect(received).toHaveLength(2);
    const [mine, theirs] = received;
    expect(mine?.body).toBe(theirs?.body);
    for (const header of ['content-type', 'x-amz-target', 'host', 'content-length']) {
      expect(mine?.headers[header]).toBe(theirs?.headers[header]);
    }
    expect(mine?.url).toBe(theirs?.url);
    expect(handedOn).toHaveBeenCalledTimes(name === 'a number that is not finite' ? 1 : 0);
    handedOn.mockRestore();
  });

  it.each(['/', '/prefix', '/prefix/'])('to an endpoint with the path %s, at the same URL and host', async (path) => {
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
    const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };
    const mine = sdkClient({
      region: 'eu-west-1',
      endpoint,
      credentials,
      gate: new WireGate(1),
      sendAt: new SendAt(),
      timeouts: DEFAULT_TIMEOUTS,
    });
    const theirs = new CloudControlClient({ region: 'eu-west-1', endpoint, credentials, maxAttempts: 1 });
    received.length = 0;
    answer = { status: 200, body: '{}', type: 'application/x-amz-json-1.0' };
    for (const client of [mine, theirs]) await client.send(new GetResourceCommand({ TypeName: 'T', Identifier: 'a' }));
    mine.destroy();
    theirs.destroy();
    const [a, b] = received;
    expect(a?.url).toBe(b?.url);
    expect(a?.headers['host']).toBe(b?.headers['host']);
    expect(a?.url).toMatch(new RegExp(`^${path}`));
  });

  it('makes an idempotency token when none is given, as the SDK does', async () => {
    received.length = 0;
    await both(() => new CreateResourceCommand({ TypeName: 'T', DesiredState: '{}' }), '{}');
    const bodies = received.splice(0).map((r) => JSON.parse(r.body) as { ClientToken: string });
    for (const body of bodies)
      expect(body.ClientToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bodies.map((b) => ({ ...b, ClientToken: 'x' }))).toEqual([
      { TypeName: 'T', DesiredState: '{}', ClientToken: 'x' },
      { TypeName: 'T', DesiredState: '{}', ClientToken: 'x' },
    ]);
  });
});
