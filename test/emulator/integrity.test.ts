import { CreateResourceCommand, DeleteResourceCommand, ResourceConflictException } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import {
  API,
  clientFor,
  create,
  createApi,
  INTEGRATION,
  LOG_GROUP,
  rejection,
  ROUTE,
  settle,
  setup,
} from './helpers.js';

describe('referential integrity', () => {
  it('fails the create of a child whose parent does not exist (async NotFound)', async () => {
    const { client } = await setup();
    const { ProgressEvent: first } = await client.send(
      new CreateResourceCommand({
        TypeName: INTEGRATION,
        DesiredState: JSON.stringify({ ApiId: 'ghost01', IntegrationType: 'MOCK' }),
      }),
    );
    expect(first?.OperationStatus).toBe('IN_PROGRESS');
    const done = await settle(client, first?.RequestToken as string);
    expect(done).toMatchObject({ OperationStatus: 'FAILED', ErrorCode: 'NotFound' });
    expect(done.StatusMessage).toContain("AWS::ApiGatewayV2::Api with ApiId 'ghost01'");
  });

  it('fails a child requested while its parent is still being created', async () => {
    const { client } = await setup({ latencyMs: 30 });
    // A user-named parent: its identifier is known before it exists.
    const { ProgressEvent: group } = await client.send(
      new CreateResourceCommand({ TypeName: LOG_GROUP, DesiredState: JSON.stringify({ LogGroupName: 'app' }) }),
    );
    const child = await create(client, 'AWS::Logs::LogStream', { LogGroupName: 'app', LogStreamName: 's1' });
    expect(child).toMatchObject({ OperationStatus: 'FAILED', ErrorCode: 'NotFound' });
    expect((await settle(client, group?.RequestToken as string)).OperationStatus).toBe('SUCCESS');
  });

  it('refuses to delete a parent with live children, naming a child', async () => {
    const { client } = await setup();
    const apiId = await createApi(client);
    const route = await create(client, ROUTE, { ApiId: apiId, RouteKey: '$default' });
    const integration = await create(client, INTEGRATION, { ApiId: apiId, IntegrationType: 'MOCK' });
    const error = await rejection(client.send(new DeleteResourceCommand({ TypeName: API, Identifier: apiId })));
    expect(error).toBeInstanceOf(ResourceConflictException);
    expect(error.message).toMatch(/AWS::ApiGatewayV2::(Route|Integration) '/);

    for (const [typeName, id] of [
      [ROUTE, route.Identifier],
      [INTEGRATION, integration.Identifier],
    ]) {
      const out = await client.send(new DeleteResourceCommand({ TypeName: typeName, Identifier: id }));
      expect((await settle(client, out.ProgressEvent?.RequestToken as string)).OperationStatus).toBe('SUCCESS');
    }
    const out = await client.send(new DeleteResourceCommand({ TypeName: API, Identifier: apiId }));
    expect((await settle(client, out.ProgressEvent?.RequestToken as string)).OperationStatus).toBe('SUCCESS');
  });

  it('re-checks when the child finishes: a parent deleted meanwhile fails it (NotFound)', async () => {
    const { client } = await setup({ latencyMs: 40 });
    const apiId = await createApi(client);
    const { ProgressEvent: del } = await client.send(new DeleteResourceCommand({ TypeName: API, Identifier: apiId }));
    // The parent is still live when the child is requested, gone when the child would finish.
    const child = await create(client, INTEGRATION, { ApiId: apiId, IntegrationType: 'MOCK' });
    expect(child).toMatchObject({ OperationStatus: 'FAILED', ErrorCode: 'NotFound' });
    expect((await settle(client, del?.RequestToken as string)).OperationStatus).toBe('SUCCESS');
  });

  it('is scoped to the region', async () => {
    const { cloud, client } = await setup();
    const apiId = await createApi(client);
    const west = clientFor(cloud, { region: 'us-west-2' });
    const child = await create(west, INTEGRATION, { ApiId: apiId, IntegrationType: 'MOCK' });
    expect(child).toMatchObject({ OperationStatus: 'FAILED', ErrorCode: 'NotFound' });
  });
});
