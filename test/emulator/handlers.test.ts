import {
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  ListResourcesCommand,
  UnsupportedActionException,
  UpdateResourceCommand,
} from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import type { Handler } from '../../src/schema/index.js';
import { create, LOG_GROUP, registryWith, rejection, setup } from './helpers.js';

const withHandlers = (handlers: Handler[]) => registryWith(LOG_GROUP, (schema) => ({ ...schema, handlers }));

describe('handlers: an operation the type has no handler for', () => {
  it('refuses a create with UnsupportedActionException (400), creating nothing', async () => {
    const { client } = await setup({ registry: withHandlers(['read', 'delete', 'list']) });
    const error = await rejection(
      client.send(new CreateResourceCommand({ TypeName: LOG_GROUP, DesiredState: '{"LogGroupName":"g"}' })),
    );
    expect(error).toBeInstanceOf(UnsupportedActionException);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toBe('Resource type AWS::Logs::LogGroup does not support CREATE action');
    const listed = await client.send(new ListResourcesCommand({ TypeName: LOG_GROUP }));
    expect(listed.ResourceDescriptions).toEqual([]);
  });

  it('refuses read, update, delete and list the same way, each naming its action', async () => {
    const { client } = await setup({ registry: withHandlers(['create']) });
    expect((await create(client, LOG_GROUP, { LogGroupName: 'g' })).OperationStatus).toBe('SUCCESS');
    const patch = '[{"op":"add","path":"/RetentionInDays","value":7}]';
    for (const [action, command] of [
      ['READ', new GetResourceCommand({ TypeName: LOG_GROUP, Identifier: 'g' })],
      ['UPDATE', new UpdateResourceCommand({ TypeName: LOG_GROUP, Identifier: 'g', PatchDocument: patch })],
      ['DELETE', new DeleteResourceCommand({ TypeName: LOG_GROUP, Identifier: 'g' })],
      ['LIST', new ListResourcesCommand({ TypeName: LOG_GROUP })],
    ] as const) {
      const error = await rejection(client.send(command as never));
      expect(error).toBeInstanceOf(UnsupportedActionException);
      expect(error.message).toBe(`Resource type AWS::Logs::LogGroup does not support ${action} action`);
    }
  });
});
