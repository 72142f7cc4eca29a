/**
 * The planner's normalisation through the real CLI: after an apply, the local cloud is made to
 * answer as real AWS does for a stack (CloudFormation's reserved `aws:` tags on the API, a
 * default the service fills in). The plan must still say nothing changed; a real out-of-band
 * change of a declared value next to them must still be planned back.
 */
import { join } from 'node:path';
import { CloudControlClient, UpdateResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { startLocalCloud } from '../../src/emulator/index.js';
import { deploy, eventsOf, ledgerOf, tempStack } from './harness.js';

async function patchApi(stack: string, patch: unknown[]): Promise<void> {
  const apiId = ledgerOf(stack, 'dev').resources['api']?.identifier as string;
  const server = await startLocalCloud({ dataDir: join(stack, '.deploy', 'local-cloud') });
  const client = new CloudControlClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });
  try {
    await client.send(
      new UpdateResourceCommand({
        TypeName: 'AWS::ApiGatewayV2::Api',
        Identifier: apiId,
        PatchDocument: JSON.stringify(patch),
      }),
    );
  } finally {
    client.destroy();
    await server.close();
  }
}

async function planOf(stack: string) {
  const run = await deploy(['plan', stack, 'dev', '--local', '--json']);
  return eventsOf(run, 'plan_ready')[0]?.plan;
}

describe('a read that answers as real AWS does', () => {
  it('plans no change for reserved tags and filled-in defaults, and plans real drift back', async () => {
    const stack = tempStack();
    expect((await deploy(['apply', stack, 'dev', '--local', '--yes', '--json'])).code).toBe(0);

    await patchApi(stack, [
      { op: 'add', path: '/Tags/aws:cloudformation:stack-name', value: 'websocket-api' },
      { op: 'add', path: '/Tags/aws:cloudformation:logical-id', value: 'Api' },
      { op: 'add', path: '/DisableExecuteApiEndpoint', value: false },
      { op: 'add', path: '/IpAddressType', value: 'ipv4' },
    ]);
    expect((await planOf(stack))?.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });

    await patchApi(stack, [{ op: 'replace', path: '/Description', value: 'changed in the console' }]);
    const plan = await planOf(stack);
    const api = plan?.resources.find((r) => r.resource === 'api');
    expect(api).toMatchObject({ action: 'update', reason: 'changed outside the engine', drift: true });
    expect(api?.changes.map((c) => c.path)).toEqual(['/Description']);
  });
});
