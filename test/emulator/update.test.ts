import {
  InvalidRequestException,
  NotUpdatableException,
  ResourceNotFoundException,
  UpdateResourceCommand,
  type CloudControlClient,
} from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { API, create, createApi, INTEGRATION, properties, rejection, settle, setup } from './helpers.js';

async function update(client: CloudControlClient, typeName: string, identifier: string, patch: unknown): Promise<void> {
  const out = await client.send(
    new UpdateResourceCommand({ TypeName: typeName, Identifier: identifier, PatchDocument: JSON.stringify(patch) }),
  );
  const done = await settle(client, out.ProgressEvent?.RequestToken as string);
  if (done.OperationStatus !== 'SUCCESS') throw new Error(`${done.ErrorCode}: ${done.StatusMessage}`);
}

async function integration(client: CloudControlClient): Promise<string> {
  const apiId = await createApi(client);
  const event = await create(client, INTEGRATION, {
    ApiId: apiId,
    IntegrationType: 'HTTP_PROXY',
    IntegrationUri: 'https://example.com',
    TimeoutInMillis: 29000,
    RequestParameters: { a: '1', b: '2' },
  });
  return event.Identifier as string;
}

describe('UpdateResource', () => {
  it('applies add, remove, replace, move, copy and test in order', async () => {
    const { client } = await setup();
    const id = await integration(client);
    await update(client, INTEGRATION, id, [
      { op: 'test', path: '/TimeoutInMillis', value: 29000 },
      { op: 'replace', path: '/TimeoutInMillis', value: 10000 },
      { op: 'add', path: '/Description', value: 'first' },
      { op: 'copy', from: '/Description', path: '/TemplateSelectionExpression' },
      { op: 'move', from: '/RequestParameters/a', path: '/RequestParameters/c' },
      { op: 'remove', path: '/RequestParameters/b' },
      { op: 'add', path: '/RequestTemplates', value: { 'application/json': '{}' } },
    ]);
    expect(await properties(client, INTEGRATION, id)).toMatchObject({
      TimeoutInMillis: 10000,
      Description: 'first',
      TemplateSelectionExpression: 'first',
      RequestParameters: { c: '1' },
      RequestTemplates: { 'application/json': '{}' },
    });
  });

  it('rejects a create-only property with NotUpdatableException, even unchanged', async () => {
    const { client } = await setup();
    const id = await integration(client);
    const apiId = id.split('|')[0];
    const error = await rejection(
      client.send(
        new UpdateResourceCommand({
          TypeName: INTEGRATION,
          Identifier: id,
          PatchDocument: JSON.stringify([{ op: 'replace', path: '/ApiId', value: apiId }]),
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotUpdatableException);
    expect(error.message).toBe('Invalid patch update: createOnlyProperties [/properties/ApiId] cannot be updated');
  });

  it('rejects a read-only property with ValidationException', async () => {
    const { client } = await setup();
    const id = await integration(client);
    const patch = JSON.stringify([{ op: 'add', path: '/IntegrationId', value: 'zzzzzzz' }]);
    const error = await rejection(
      client.send(new UpdateResourceCommand({ TypeName: INTEGRATION, Identifier: id, PatchDocument: patch })),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toBe(
      'Invalid patch update: readOnlyProperties [/properties/IntegrationId] cannot be updated',
    );
  });

  it.each([
    [
      'a failing test',
      [
        { op: 'replace', path: '/TimeoutInMillis', value: 1 },
        { op: 'test', path: '/Description', value: 'x' },
      ],
    ],
    [
      'replace of a missing property',
      [
        { op: 'add', path: '/Description', value: 'x' },
        { op: 'replace', path: '/PassthroughBehavior', value: 'NEVER' },
      ],
    ],
    ['remove of a missing property', [{ op: 'remove', path: '/ConnectionId' }]],
    ['an unknown op', [{ op: 'merge', path: '/Description', value: 'x' }]],
    ['a document that is not an array', { op: 'add', path: '/Description', value: 'x' }],
  ])('fails whole on %s, changing nothing', async (_case, patch) => {
    const { client } = await setup();
    const id = await integration(client);
    const before = await properties(client, INTEGRATION, id);
    const error = await rejection(
      client.send(
        new UpdateResourceCommand({ TypeName: INTEGRATION, Identifier: id, PatchDocument: JSON.stringify(patch) }),
      ),
    );
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect(error.message).toContain('Invalid patch document');
    expect(await properties(client, INTEGRATION, id)).toEqual(before);
  });

  it('validates the result like a create', async () => {
    const { client } = await setup();
    const id = await integration(client);
    const wrongType = await rejection(
      client.send(
        new UpdateResourceCommand({
          TypeName: INTEGRATION,
          Identifier: id,
          PatchDocument: '[{"op":"replace","path":"/TimeoutInMillis","value":"slow"}]',
        }),
      ),
    );
    expect(wrongType.name).toBe('ValidationException');
    expect(wrongType.message).toContain('#/TimeoutInMillis: expected type: Integer, found: String');
    const missing = await rejection(
      client.send(
        new UpdateResourceCommand({
          TypeName: INTEGRATION,
          Identifier: id,
          PatchDocument: '[{"op":"remove","path":"/IntegrationType"}]',
        }),
      ),
    );
    expect(missing.name).toBe('ValidationException');
    expect(missing.message).toContain('Model validation failed (#: required key [IntegrationType] not found)');
    const unknown = await rejection(
      client.send(
        new UpdateResourceCommand({
          TypeName: INTEGRATION,
          Identifier: id,
          PatchDocument: '[{"op":"add","path":"/Colour","value":"red"}]',
        }),
      ),
    );
    expect(unknown.message).toContain('extraneous key [Colour]');
  });

  it('drops write-only properties not re-sent in the patch, as AWS does', async () => {
    const { client } = await setup();
    const id = await createApi(client, { Name: 'w', ProtocolType: 'HTTP', FailOnWarnings: true });
    await update(client, API, id, [{ op: 'add', path: '/Description', value: 'd' }]);
    expect(await properties(client, API, id)).toMatchObject({ Name: 'w', Description: 'd' });
  });

  it('answers a missing identifier with ResourceNotFoundException', async () => {
    const { client } = await setup();
    const error = await rejection(
      client.send(new UpdateResourceCommand({ TypeName: API, Identifier: 'missing', PatchDocument: '[]' })),
    );
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });

  it('accepts the identifier as JSON too', async () => {
    const { client } = await setup();
    const id = await integration(client);
    const [apiId, integrationId] = id.split('|');
    await update(client, INTEGRATION, JSON.stringify({ ApiId: apiId, IntegrationId: integrationId }), [
      { op: 'add', path: '/Description', value: 'via json' },
    ]);
    expect((await properties(client, INTEGRATION, id))['Description']).toBe('via json');
  });
});
