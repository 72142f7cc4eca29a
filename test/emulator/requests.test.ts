import {
  CancelResourceRequestCommand,
  ClientTokenConflictException,
  ConcurrentModificationException,
  ConcurrentOperationException,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourceRequestsCommand,
  ListResourcesCommand,
  RequestTokenNotFoundException,
  ResourceNotFoundException,
  UpdateResourceCommand,
  type ProgressEvent,
} from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import {
  API,
  create,
  createApi,
  LOG_GROUP,
  properties,
  rejection,
  settle,
  setup,
  STAGE,
  websocketApi,
} from './helpers.js';

const desired = JSON.stringify(websocketApi);

describe('asynchronous mutations', () => {
  it('stay IN_PROGRESS for the latency, then SUCCEED', async () => {
    const { client } = await setup({ latencyMs: 40 });
    const started = Date.now();
    const { ProgressEvent: first } = await client.send(
      new CreateResourceCommand({ TypeName: API, DesiredState: desired }),
    );
    expect(first?.OperationStatus).toBe('IN_PROGRESS');
    expect(first?.ResourceModel).toBeUndefined();
    expect(first?.RetryAfter).toBeInstanceOf(Date);
    const polled = await client.send(new GetResourceRequestStatusCommand({ RequestToken: first?.RequestToken }));
    expect(polled.ProgressEvent?.OperationStatus).toBe('IN_PROGRESS');
    const done = await settle(client, first?.RequestToken as string);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(done).toMatchObject({ OperationStatus: 'SUCCESS' });
    expect(JSON.parse(done.ResourceModel as string)).toMatchObject({ Name: 'demo', ApiId: done.Identifier });
  });

  it('name a user-named resource from the first answer; it is not readable before it exists', async () => {
    const { client } = await setup({ latencyMs: 40 });
    const { ProgressEvent: first } = await client.send(
      new CreateResourceCommand({ TypeName: LOG_GROUP, DesiredState: JSON.stringify({ LogGroupName: 'g1' }) }),
    );
    expect(first).toMatchObject({ OperationStatus: 'IN_PROGRESS', Identifier: 'g1' });
    expect(
      await rejection(client.send(new GetResourceCommand({ TypeName: LOG_GROUP, Identifier: 'g1' }))),
    ).toBeInstanceOf(ResourceNotFoundException);
    expect(await settle(client, first?.RequestToken as string)).toMatchObject({
      OperationStatus: 'SUCCESS',
      Identifier: 'g1',
    });
  });

  it('leave a generated identifier out until the create has succeeded', async () => {
    const { client } = await setup({ latencyMs: 40 });
    const { ProgressEvent: first } = await client.send(
      new CreateResourceCommand({ TypeName: API, DesiredState: desired, ClientToken: 'hidden-1' }),
    );
    expect(first).not.toHaveProperty('Identifier');
    const polled = await client.send(new GetResourceRequestStatusCommand({ RequestToken: first?.RequestToken }));
    expect(polled.ProgressEvent).toMatchObject({ OperationStatus: 'IN_PROGRESS' });
    expect(polled.ProgressEvent?.Identifier).toBeUndefined();
    const replay = await client.send(
      new CreateResourceCommand({ TypeName: API, DesiredState: desired, ClientToken: 'hidden-1' }),
    );
    expect(replay.ProgressEvent?.Identifier).toBeUndefined();
    const done = await settle(client, first?.RequestToken as string);
    expect(done.Identifier).toMatch(/^[a-z0-9]+$/);
    expect((await properties(client, API, done.Identifier as string))['ApiId']).toBe(done.Identifier);
  });

  it('with a latency range as well', async () => {
    const { client } = await setup({ latencyMs: [20, 40] });
    const { ProgressEvent: first } = await client.send(
      new CreateResourceCommand({ TypeName: API, DesiredState: desired }),
    );
    expect(first?.OperationStatus).toBe('IN_PROGRESS');
    expect((await settle(client, first?.RequestToken as string)).OperationStatus).toBe('SUCCESS');
  });

  it('with zero latency: the first answer says IN_PROGRESS, the first poll SUCCESS', async () => {
    const { client } = await setup();
    const { ProgressEvent: first } = await client.send(
      new CreateResourceCommand({ TypeName: API, DesiredState: desired }),
    );
    expect(first?.OperationStatus).toBe('IN_PROGRESS');
    const polled = await client.send(new GetResourceRequestStatusCommand({ RequestToken: first?.RequestToken }));
    expect(polled.ProgressEvent?.OperationStatus).toBe('SUCCESS');
  });

  it('refuse a second mutation on a busy resource', async () => {
    const { client } = await setup({ latencyMs: 50 });
    const id = await createApi(client);
    const patch = '[{"op":"add","path":"/Description","value":"one"}]';
    const { ProgressEvent: update } = await client.send(
      new UpdateResourceCommand({ TypeName: API, Identifier: id, PatchDocument: patch }),
    );
    expect(update?.OperationStatus).toBe('IN_PROGRESS');
    const again = await rejection(
      client.send(new UpdateResourceCommand({ TypeName: API, Identifier: id, PatchDocument: patch })),
    );
    expect(again).toBeInstanceOf(ConcurrentOperationException);
    expect(await rejection(client.send(new DeleteResourceCommand({ TypeName: API, Identifier: id })))).toBeInstanceOf(
      ConcurrentOperationException,
    );
    await settle(client, update?.RequestToken as string);
    const deleted = await client.send(new DeleteResourceCommand({ TypeName: API, Identifier: id }));
    expect((await settle(client, deleted.ProgressEvent?.RequestToken as string)).OperationStatus).toBe('SUCCESS');
  });
});

describe('errors reported like AWS', () => {
  it('fails a create whose identifier is taken asynchronously with AlreadyExists', async () => {
    const { client } = await setup();
    const apiId = await createApi(client);
    const stage = { ApiId: apiId, StageName: 'prod' };
    expect((await create(client, STAGE, stage)).OperationStatus).toBe('SUCCESS');
    const again = await create(client, STAGE, stage);
    expect(again).toMatchObject({ OperationStatus: 'FAILED', ErrorCode: 'AlreadyExists', Identifier: `${apiId}|prod` });
    expect(again.StatusMessage).toBe(`Resource of type '${STAGE}' with identifier '${apiId}|prod' already exists.`);
  });

  it('accepts a delete of a missing identifier and fails it asynchronously with NotFound', async () => {
    const { client } = await setup();
    const { ProgressEvent: first } = await client.send(
      new DeleteResourceCommand({ TypeName: API, Identifier: 'gone123' }),
    );
    expect(first).toMatchObject({ OperationStatus: 'IN_PROGRESS', Identifier: 'gone123', Operation: 'DELETE' });
    const done = await settle(client, first?.RequestToken as string);
    expect(done).toMatchObject({ OperationStatus: 'FAILED', ErrorCode: 'NotFound' });
    expect(done.StatusMessage).toBe(
      "Resource of type 'AWS::ApiGatewayV2::Api' with identifier 'gone123' was not found.",
    );
  });

  it('still answers a get or an update of a missing identifier with ResourceNotFoundException', async () => {
    const { client } = await setup();
    const patch = JSON.stringify([{ op: 'add', path: '/Description', value: 'x' }]);
    for (const command of [
      new GetResourceCommand({ TypeName: API, Identifier: 'gone123' }),
      new UpdateResourceCommand({ TypeName: API, Identifier: 'gone123', PatchDocument: patch }),
    ]) {
      expect(await rejection(client.send(command as never))).toBeInstanceOf(ResourceNotFoundException);
    }
  });
});

describe('CancelResourceRequest', () => {
  it('cancels a request under way: CANCEL_COMPLETE, and the mutation never happens', async () => {
    const { client } = await setup({ latencyMs: 50 });
    const { ProgressEvent: first } = await client.send(
      new CreateResourceCommand({ TypeName: API, DesiredState: desired }),
    );
    const cancelled = await client.send(new CancelResourceRequestCommand({ RequestToken: first?.RequestToken }));
    expect(cancelled.ProgressEvent).toMatchObject({
      OperationStatus: 'CANCEL_IN_PROGRESS',
      RequestToken: first?.RequestToken,
    });
    const status = await client.send(new GetResourceRequestStatusCommand({ RequestToken: first?.RequestToken }));
    expect(status.ProgressEvent?.OperationStatus).toBe('CANCEL_COMPLETE');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await client.send(new ListResourcesCommand({ TypeName: API }))).ResourceDescriptions).toEqual([]);
    expect(
      (await client.send(new GetResourceRequestStatusCommand({ RequestToken: first?.RequestToken }))).ProgressEvent
        ?.OperationStatus,
    ).toBe('CANCEL_COMPLETE');
  });

  it('refuses a finished request with ConcurrentModificationException (500)', async () => {
    const { client } = await setup({}, { maxAttempts: 1 });
    const { ProgressEvent: first } = await client.send(
      new CreateResourceCommand({ TypeName: API, DesiredState: desired }),
    );
    const error = await rejection(client.send(new CancelResourceRequestCommand({ RequestToken: first?.RequestToken })));
    expect(error).toBeInstanceOf(ConcurrentModificationException);
    expect(error.$metadata?.httpStatusCode).toBe(500);
  });

  it('answers an unknown token with RequestTokenNotFoundException', async () => {
    const { client } = await setup();
    const token = '00000000-0000-4000-8000-000000000000';
    expect(await rejection(client.send(new CancelResourceRequestCommand({ RequestToken: token })))).toBeInstanceOf(
      RequestTokenNotFoundException,
    );
    expect(await rejection(client.send(new GetResourceRequestStatusCommand({ RequestToken: token })))).toBeInstanceOf(
      RequestTokenNotFoundException,
    );
  });
});

describe('ClientToken', () => {
  it('replays the original request for an identical retry, creating nothing twice', async () => {
    const { client } = await setup({ latencyMs: 20 });
    const send = () =>
      client.send(new CreateResourceCommand({ TypeName: API, DesiredState: desired, ClientToken: 'token-1' }));
    const first = (await send()).ProgressEvent as ProgressEvent;
    const second = (await send()).ProgressEvent as ProgressEvent;
    expect(second.RequestToken).toBe(first.RequestToken);
    expect(second.Identifier).toBe(first.Identifier);
    await settle(client, first.RequestToken as string);
    const third = (await send()).ProgressEvent as ProgressEvent;
    expect(third).toMatchObject({ RequestToken: first.RequestToken, OperationStatus: 'SUCCESS' });
    expect((await client.send(new ListResourcesCommand({ TypeName: API }))).ResourceDescriptions).toHaveLength(1);
  });

  it('refuses a reused token on a different request', async () => {
    const { client } = await setup();
    const id = (await create(client, API, websocketApi, 'token-2')).Identifier as string;
    const other = client.send(
      new CreateResourceCommand({
        TypeName: API,
        DesiredState: JSON.stringify({ Name: 'other' }),
        ClientToken: 'token-2',
      }),
    );
    const error = await rejection(other);
    expect(error).toBeInstanceOf(ClientTokenConflictException);
    expect(error.message).toContain('token-2');
    const deleteWithIt = client.send(
      new DeleteResourceCommand({ TypeName: API, Identifier: id, ClientToken: 'token-2' }),
    );
    expect(await rejection(deleteWithIt)).toBeInstanceOf(ClientTokenConflictException);
  });
});

describe('ListResourceRequests', () => {
  it('pages 20 at a time, newest first, and filters by operation and status', async () => {
    const { client } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(await createApi(client, { Name: `a${i}` }));
    for (const id of ids.slice(0, 3)) await client.send(new DeleteResourceCommand({ TypeName: API, Identifier: id }));

    const first = await client.send(new ListResourceRequestsCommand({}));
    expect(first.ResourceRequestStatusSummaries).toHaveLength(20);
    expect(first.ResourceRequestStatusSummaries?.[0]).toMatchObject({ Operation: 'DELETE', Identifier: ids[2] });
    const second = await client.send(new ListResourceRequestsCommand({ NextToken: first.NextToken }));
    expect(second.ResourceRequestStatusSummaries).toHaveLength(6);
    expect(second.NextToken).toBeUndefined();
    expect(second.ResourceRequestStatusSummaries?.at(-1)).toMatchObject({ Operation: 'CREATE', Identifier: ids[0] });

    const small = await client.send(new ListResourceRequestsCommand({ MaxResults: 10 }));
    expect(small.ResourceRequestStatusSummaries).toHaveLength(10);
    expect(small.NextToken).toBeDefined();

    const deletes = await client.send(
      new ListResourceRequestsCommand({ ResourceRequestStatusFilter: { Operations: ['DELETE'] } }),
    );
    expect(deletes.ResourceRequestStatusSummaries?.map((e) => e.Identifier)).toEqual([ids[2], ids[1], ids[0]]);
    const failed = await client.send(
      new ListResourceRequestsCommand({
        ResourceRequestStatusFilter: { Operations: ['CREATE'], OperationStatuses: ['FAILED'] },
      }),
    );
    expect(failed.ResourceRequestStatusSummaries).toEqual([]);
  });
});
