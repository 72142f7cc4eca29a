import {
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  ListResourcesCommand,
  UnsupportedActionException,
  UpdateResourceCommand,
} from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { schemaRegistry, type Handler, type SchemaRegistry } from '../../src/schema/index.js';
import { create, LOG_GROUP, rejection, setup } from './helpers.js';

/** The real registry, except that `typeName` has only `handlers`. */
function registryWith(typeName: string, handlers: Handler[]): SchemaRegistry {
  const real = schemaRegistry();
  const registry = Object.create(real) as SchemaRegistry;
  registry.find = (name: string) => {
    const schema = real.find(name);
    return schema?.typeName === typeName ? { ...schema, handlers } : schema;
  };
  return registry;
}

describe('handlers: an operation the type has no handler for', () => {
  it('refuses a create with UnsupportedActionException (400), creating nothing', async () => {
    const { client } = await setup({ registry: registryWith(LOG_GROUP, ['read', 'delete', 'list']) });
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
    const { client } = await setup({ registry: registryWith(LOG_GROUP, ['create']) });
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
