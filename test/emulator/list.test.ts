import { InvalidRequestException, ListResourcesCommand, type CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { API, create, createApi, INTEGRATION, rejection, setup } from './helpers.js';

async function listAll(
  client: CloudControlClient,
  typeName: string,
  model?: object,
): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  let nextToken: string | undefined;
  do {
    const out = await client.send(
      new ListResourcesCommand({
        TypeName: typeName,
        NextToken: nextToken,
        MaxResults: 100, // reserved and ignored, as by the service
        ...(model ? { ResourceModel: JSON.stringify(model) } : {}),
      }),
    );
    pages.push(out.ResourceDescriptions?.length ?? 0);
    for (const d of out.ResourceDescriptions ?? []) ids.push(d.Identifier as string);
    nextToken = out.NextToken;
  } while (nextToken);
  return { ids, pages };
}

describe('ListResources', () => {
  it('pages 25 at a time in creation order', async () => {
    const { client } = await setup();
    const created: string[] = [];
    for (let i = 0; i < 53; i++) created.push(await createApi(client, { Name: `api-${i}` }));
    const { ids, pages } = await listAll(client, API);
    expect(pages).toEqual([25, 25, 3]);
    expect(ids).toEqual(created);
  });

  it('returns identifiers with full properties', async () => {
    const { client } = await setup();
    const id = await createApi(client, { Name: 'p', ProtocolType: 'HTTP' });
    const out = await client.send(new ListResourcesCommand({ TypeName: API }));
    expect(out.TypeName).toBe(API);
    expect(out.NextToken).toBeUndefined();
    expect(out.ResourceDescriptions?.[0]?.Identifier).toBe(id);
    expect(JSON.parse(out.ResourceDescriptions?.[0]?.Properties ?? '{}')).toMatchObject({ ApiId: id, Name: 'p' });
  });

  it('requires the listRequires keys in ResourceModel', async () => {
    const { client } = await setup();
    const error = await rejection(client.send(new ListResourcesCommand({ TypeName: INTEGRATION })));
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect(error.message).toContain('required key [ApiId] not found');
    const wrong = await rejection(
      client.send(new ListResourcesCommand({ TypeName: INTEGRATION, ResourceModel: '{"Name":"x"}' })),
    );
    expect(wrong.message).toContain('[ApiId]');
  });

  it('filters by ResourceModel properties (AND)', async () => {
    const { client } = await setup();
    const a = await createApi(client);
    const b = await createApi(client);
    const mine = [
      await create(client, INTEGRATION, { ApiId: a, IntegrationType: 'MOCK' }),
      await create(client, INTEGRATION, { ApiId: a, IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://x' }),
    ].map((e) => e.Identifier);
    await create(client, INTEGRATION, { ApiId: b, IntegrationType: 'MOCK' });
    expect((await listAll(client, INTEGRATION, { ApiId: a })).ids).toEqual(mine);
    expect((await listAll(client, INTEGRATION, { ApiId: a, IntegrationType: 'MOCK' })).ids).toEqual([mine[0]]);
    expect((await listAll(client, INTEGRATION, { ApiId: 'nothing' })).ids).toEqual([]);
  });

  it('rejects a NextToken it did not issue', async () => {
    const { client } = await setup();
    const error = await rejection(client.send(new ListResourcesCommand({ TypeName: API, NextToken: 'bogus' })));
    expect(error).toBeInstanceOf(InvalidRequestException);
  });
});
