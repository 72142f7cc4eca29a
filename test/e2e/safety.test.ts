/**
 * Things a plan must never do by accident: delete what a rename kept, delete what another stack
 * deployed, lose track of resources when the region changes, half-apply a stack whose `if`
 * excludes a producer, or delete a replaced resource's old instance when its replacement cannot
 * follow. Each case comes from a review that reproduced it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudControlClient, UpdateResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { startLocalCloud } from '../../src/emulator/index.js';
import { deploy, editManifest, eventsOf, ledgerOf, tempStack } from './harness.js';
import { inventory } from './inventory.js';

async function planOf(stack: string, extra: string[] = []) {
  const run = await deploy(['plan', stack, 'dev', '--local', '--json', ...extra]);
  return { run, plan: eventsOf(run, 'plan_ready')[0]?.plan };
}

async function applied(stack: string, extra: string[] = [], env: Record<string, string> = {}) {
  const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json', ...extra], env);
  return run;
}

describe('a rename', () => {
  it('keeps the resource: the new name takes over the old ledger entry', async () => {
    const stack = tempStack();
    expect((await applied(stack)).code).toBe(0);
    const before = ledgerOf(stack, 'dev').resources['stage']?.identifier;
    editManifest(stack, (t) => t.replace('  - name: stage\n', '  - name: live_stage\n    file: stage.iql\n'));

    const { plan } = await planOf(stack);
    expect(plan?.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    expect(plan?.resources.find((r) => r.resource === 'live_stage')?.reason).toContain("was 'stage'");
    expect((await applied(stack)).code).toBe(0);

    const ledger = ledgerOf(stack, 'dev').resources;
    expect(ledger['stage']).toBeUndefined();
    expect(ledger['live_stage']?.identifier).toBe(before);
    expect((await inventory(stack)).size).toBe(9);
    expect((await planOf(stack)).plan?.summary.noop).toBe(9);
  });
});

describe('teardown', () => {
  it('deletes only what this stack deployed, never what another stack did', async () => {
    const shared = join(tempStack(), '..', 'cloud');
    const mine = tempStack();
    const theirs = tempStack();
    expect((await applied(theirs, ['--local-data', shared])).code).toBe(0);
    const run = await deploy(['teardown', mine, 'dev', '--local', '--local-data', shared, '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(eventsOf(run, 'plan_ready')[0]?.plan.summary.delete).toBe(0);
    const again = await deploy(['plan', theirs, 'dev', '--local', '--local-data', shared, '--json']);
    expect(eventsOf(again, 'plan_ready')[0]?.plan.summary.noop).toBe(9);
  });
});

describe('a region change', () => {
  it('replaces every resource in the new region and leaves nothing behind in the old one', async () => {
    const stack = tempStack();
    expect((await applied(stack)).code).toBe(0);
    editManifest(stack, (t) => t.replace('    value: us-east-1', '    value: eu-west-1'));
    const { plan } = await planOf(stack);
    expect(plan?.summary.replace).toBe(9);
    expect(plan?.resources[0]?.reason).toBe('region changed from us-east-1 to eu-west-1');

    const run = await applied(stack);
    expect(run.code, run.stderr).toBe(0);
    expect(await inventory(stack)).toEqual(new Set()); // us-east-1 is empty
    const regions = Object.values(ledgerOf(stack, 'dev').resources).map(
      (r) => (r as unknown as { region: string }).region,
    );
    expect(new Set(regions)).toEqual(new Set(['eu-west-1']));
    expect((await planOf(stack)).plan?.summary.noop).toBe(9);
  });
});

describe('an `if` that excludes a producer', () => {
  it('stops the plan, naming the resource that still uses it, before anything is created', async () => {
    const stack = tempStack();
    editManifest(stack, (t) =>
      t.replace(
        '  - name: connect_integration\n',
        "  - name: connect_integration\n    if: \"'{{ stack_env }}' == 'prd'\"\n",
      ),
    );
    const run = await applied(stack);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[ExcludedDependency]');
    expect(run.stderr).toContain("'connect_route' uses connect_integration");
    expect(await inventory(stack)).toEqual(new Set());
  });
});

describe('adopting a resource the ledger lost', () => {
  it('records what the stack asked for, so values set outside it are not later removed', async () => {
    const stack = tempStack();
    expect((await applied(stack)).code).toBe(0);
    const apiId = ledgerOf(stack, 'dev').resources['api']?.identifier as string;
    // Someone sets a property the stack never mentions...
    const server = await startLocalCloud({ dataDir: join(stack, '.deploy', 'local-cloud') });
    const client = new CloudControlClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
    });
    await client.send(
      new UpdateResourceCommand({
        TypeName: 'AWS::ApiGatewayV2::Api',
        Identifier: apiId,
        PatchDocument: JSON.stringify([{ op: 'add', path: '/DisableExecuteApiEndpoint', value: true }]),
      }),
    );
    client.destroy();
    await server.close();
    // ...and the ledger loses the API, which the next apply finds again through its exists query.
    const path = join(stack, '.deploy', 'dev', 'state.json');
    const ledger = JSON.parse(readFileSync(path, 'utf8')) as { resources: Record<string, unknown> };
    delete ledger.resources['api'];
    writeFileSync(path, JSON.stringify(ledger));
    expect((await applied(stack)).code).toBe(0);
    expect(ledgerOf(stack, 'dev').resources['api']?.identifier).toBe(apiId);
    expect((await planOf(stack)).plan?.summary).toMatchObject({ update: 0, replace: 0, delete: 0, create: 0 });
  });
});

describe('a replacement whose upstream update fails', () => {
  it('keeps the old instance: its delete waits for what it depends on', async () => {
    const stack = tempStack();
    expect((await applied(stack)).code).toBe(0);
    const stageBefore = ledgerOf(stack, 'dev').resources['stage']?.identifier;
    editManifest(stack, (t) =>
      t
        .replace('value: "{{ stack_env }}"\n', 'value: "{{ stack_env }}-blue"\n')
        .replace('deployment"\n', 'deployment, second cut"\n'),
    );
    const fault = { DEPLOY_LOCAL_FAULTS: 'update:AWS::ApiGatewayV2::Deployment:1:GeneralServiceException' };
    const run = await applied(stack, [], fault);
    expect(run.code).toBe(1);
    expect(eventsOf(run, 'resource_skipped').map((e) => e.resource)).toEqual(['stage']);
    expect(ledgerOf(stack, 'dev').resources['stage']?.identifier).toBe(stageBefore);
    expect([...(await inventory(stack))]).toContain(`AWS::ApiGatewayV2::Stage ${stageBefore}`);
  });
});
