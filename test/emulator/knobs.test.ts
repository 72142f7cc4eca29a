import {
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  ListResourcesCommand,
  ServiceInternalErrorException,
  ThrottlingException,
  UpdateResourceCommand,
} from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { afterLatency } from '../../src/emulator/env.js';
import { localCloudOptionsFromEnv, parseFaults } from '../../src/emulator/index.js';
import { DeployError } from '../../src/errors/index.js';
import { API, create, createApi, INTEGRATION, rejection, settle, setup, websocketApi } from './helpers.js';

const desired = JSON.stringify(websocketApi);

describe('rate limit', () => {
  it('throttles above the limit with ThrottlingException', async () => {
    const { client } = await setup({ rateLimit: 5 }, { maxAttempts: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => client.send(new ListResourcesCommand({ TypeName: API }))),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // The burst of 5, plus at most a token or two refilled while the calls arrive.
    expect(results.length - rejected.length).toBeGreaterThanOrEqual(5);
    expect(rejected.length).toBeGreaterThanOrEqual(5);
    expect(rejected[0]?.reason).toBeInstanceOf(ThrottlingException);
    expect((rejected[0]?.reason as Error).message).toBe('Rate exceeded');
  });

  it('lets the SDK retry its way through a short burst', async () => {
    // Enough attempts that the burst always drains: with the SDK's default of 3, a request
    // unlucky in its jittered backoff could still end throttled and flake the test.
    const { client } = await setup({ rateLimit: 10 }, { maxAttempts: 10 });
    const results = await Promise.all(
      Array.from({ length: 16 }, () => client.send(new ListResourcesCommand({ TypeName: API }))),
    );
    expect(results.some((r) => (r.$metadata.attempts ?? 1) > 1)).toBe(true);
  });
});

describe('read latency', () => {
  /** How long the call took, in ms. */
  async function timed(call: Promise<unknown>): Promise<number> {
    const started = Date.now();
    await call;
    return Date.now() - started;
  }

  it('holds back GetResource and ListResources answers, not the mutations', async () => {
    const { client } = await setup({ readLatencyMs: 120 });
    const created = await client.send(new CreateResourceCommand({ TypeName: API, DesiredState: desired }));
    const id = (await settle(client, created.ProgressEvent?.RequestToken as string)).Identifier as string;
    const [get, list, del] = await Promise.all([
      timed(client.send(new GetResourceCommand({ TypeName: API, Identifier: id }))),
      timed(client.send(new ListResourcesCommand({ TypeName: API }))),
      timed(client.send(new DeleteResourceCommand({ TypeName: API, Identifier: id }))),
    ]);
    expect(get).toBeGreaterThanOrEqual(110);
    expect(list).toBeGreaterThanOrEqual(110);
    // The delete was answered before the held-back reads: it has no read latency.
    expect(del).toBeLessThan(Math.min(get, list));
  });

  it('counts the latency from the arrival, and never answers sooner', async () => {
    const answeredAt = (latency: number, arrived: number) =>
      new Promise<number>((resolve) => afterLatency(latency, () => resolve(performance.now()), arrived));
    // A request that arrived 30 ms ago (the local cloud was busy): 20 ms are left to wait, not 50.
    const now = performance.now();
    expect((await answeredAt(50, now - 30)) - now).toBeLessThan(40);
    // Node's timers count in whole milliseconds of the event loop's clock: a bare timer fires up
    // to a millisecond early, most often within 20 tries.
    for (let i = 0; i < 20; i++) {
      const arrived = performance.now();
      expect((await answeredAt(3, arrived)) - arrived).toBeGreaterThanOrEqual(3);
    }
  });

  it('holds back error answers of reads as well', async () => {
    const { client } = await setup({ readLatencyMs: [60, 80] }, { maxAttempts: 1 });
    const started = Date.now();
    const error = await rejection(client.send(new GetResourceCommand({ TypeName: API, Identifier: 'nope' })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('fault injection', () => {
  it('fails the Nth matching create asynchronously with the given ErrorCode', async () => {
    const { client } = await setup({
      faults: [{ operation: 'create', typeName: INTEGRATION, nth: 2, errorCode: 'NotStabilized' }],
    });
    const apiId = await createApi(client); // another type: not counted
    const integration = { ApiId: apiId, IntegrationType: 'MOCK' };
    expect((await create(client, INTEGRATION, integration)).OperationStatus).toBe('SUCCESS');
    const second = await create(client, INTEGRATION, integration);
    expect(second).toMatchObject({ OperationStatus: 'FAILED', ErrorCode: 'NotStabilized' });
    expect((await create(client, INTEGRATION, integration)).OperationStatus).toBe('SUCCESS');
    const listed = await client.send(
      new ListResourcesCommand({ TypeName: INTEGRATION, ResourceModel: JSON.stringify({ ApiId: apiId }) }),
    );
    expect(listed.ResourceDescriptions).toHaveLength(2);
  });

  it('answers with a synchronous HTTP 500 ServiceInternalErrorException', async () => {
    const { client } = await setup({ faults: [{ operation: 'create', nth: 1, http500: true }] }, { maxAttempts: 1 });
    const error = await rejection(client.send(new CreateResourceCommand({ TypeName: API, DesiredState: desired })));
    expect(error).toBeInstanceOf(ServiceInternalErrorException);
    expect(error.$metadata?.httpStatusCode).toBe(500);
    expect((await client.send(new ListResourcesCommand({ TypeName: API }))).ResourceDescriptions).toEqual([]);
  });

  it('a one-off 500 is absorbed by the SDK retry (same ClientToken, one resource)', async () => {
    const { client } = await setup({ faults: [{ operation: 'create', nth: 1, http500: true }] });
    const out = await client.send(new CreateResourceCommand({ TypeName: API, DesiredState: desired }));
    expect(out.$metadata.attempts).toBe(2);
    expect((await settle(client, out.ProgressEvent?.RequestToken as string)).OperationStatus).toBe('SUCCESS');
    expect((await client.send(new ListResourcesCommand({ TypeName: API }))).ResourceDescriptions).toHaveLength(1);
  });

  it('fails every matching request with nth 0, for updates and deletes too', async () => {
    const { client } = await setup({
      faults: [
        { operation: 'update', nth: 0 },
        { operation: 'delete', nth: 0, errorCode: 'ServiceInternalError' },
      ],
    });
    const id = await createApi(client);
    for (let i = 0; i < 2; i++) {
      const out = await client.send(
        new UpdateResourceCommand({
          TypeName: API,
          Identifier: id,
          PatchDocument: '[{"op":"add","path":"/Description","value":"x"}]',
        }),
      );
      expect(await settle(client, out.ProgressEvent?.RequestToken as string)).toMatchObject({
        OperationStatus: 'FAILED',
        ErrorCode: 'GeneralServiceException',
      });
      const del = await client.send(new DeleteResourceCommand({ TypeName: API, Identifier: id }));
      expect(await settle(client, del.ProgressEvent?.RequestToken as string)).toMatchObject({
        OperationStatus: 'FAILED',
        ErrorCode: 'ServiceInternalError',
      });
    }
    // Nothing changed: a failed update has no effect, a failed delete leaves the resource.
    const listed = await client.send(new ListResourcesCommand({ TypeName: API }));
    expect(JSON.parse(listed.ResourceDescriptions?.[0]?.Properties ?? '{}')).not.toHaveProperty('Description');
  });
});

describe('knobs from strings', () => {
  it('parses the compact fault string', () => {
    expect(
      parseFaults('create:AWS::ApiGatewayV2::Integration:2:GeneralServiceException;delete::1:500; update:*:0'),
    ).toEqual([
      { operation: 'create', typeName: 'AWS::ApiGatewayV2::Integration', nth: 2, errorCode: 'GeneralServiceException' },
      { operation: 'delete', nth: 1, http500: true },
      { operation: 'update', nth: 0 },
    ]);
    expect(parseFaults('CREATE:AWS::S3::Bucket:3')).toEqual([
      { operation: 'create', typeName: 'AWS::S3::Bucket', nth: 3 },
    ]);
    expect(parseFaults('')).toEqual([]);
  });

  it.each(['create', 'read::1', 'create::x', 'create::1:Bogus'])('rejects the fault rule %j with a hint', (spec) => {
    let error: unknown;
    try {
      parseFaults(spec);
    } catch (e) {
      error = e;
    }
    expect(DeployError.is(error)).toBe(true);
    expect((error as DeployError).code).toBe('InvalidFault');
    expect((error as DeployError).hint).toBeTruthy();
  });

  it('reads the environment variables', () => {
    expect(localCloudOptionsFromEnv({})).toEqual({});
    expect(
      localCloudOptionsFromEnv({
        DEPLOY_LOCAL_LATENCY_MS: '100-500',
        DEPLOY_LOCAL_RATE_LIMIT: '25',
        DEPLOY_LOCAL_FAULTS: 'delete::1:500',
      }),
    ).toEqual({ latencyMs: [100, 500], rateLimit: 25, faults: [{ operation: 'delete', nth: 1, http500: true }] });
    expect(localCloudOptionsFromEnv({ DEPLOY_LOCAL_LATENCY_MS: '200' })).toEqual({ latencyMs: 200 });
    expect(localCloudOptionsFromEnv({ DEPLOY_LOCAL_READ_LATENCY_MS: '50-150' })).toEqual({ readLatencyMs: [50, 150] });
    expect(() => localCloudOptionsFromEnv({ DEPLOY_LOCAL_READ_LATENCY_MS: 'fast' })).toThrow(
      /DEPLOY_LOCAL_READ_LATENCY_MS: 'fast' is not a latency/,
    );
    expect(() => localCloudOptionsFromEnv({ DEPLOY_LOCAL_LATENCY_MS: 'slow' })).toThrow(/not a latency/);
    expect(() => localCloudOptionsFromEnv({ DEPLOY_LOCAL_LATENCY_MS: '500-100' })).toThrow(/not a latency/);
    expect(() => localCloudOptionsFromEnv({ DEPLOY_LOCAL_RATE_LIMIT: '-1' })).toThrow(/positive/);
  });
});
