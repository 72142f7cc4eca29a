/**
 * stackql-deploy's own AWS example stacks, copied unchanged (test/fixtures/stackql-deploy-examples),
 * through the real CLI on the local cloud: validate, plan, build, test, a second plan with no
 * changes, the same without a ledger (every resource found through its exists query), and teardown.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CloudControlClient, ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { startLocalCloud } from '../../src/emulator/index.js';
import { schemaRegistry } from '../../src/schema/index.js';
import { deploy, eventsOf, tempStack, type CliRun } from './harness.js';

const EXAMPLES = resolve(import.meta.dirname, '../fixtures/stackql-deploy-examples');
/** The stacks read their region from AWS_REGION, as their READMEs say. */
const ENV = { AWS_REGION: 'us-east-1' };

function planOf(run: CliRun) {
  const plan = eventsOf(run, 'plan_ready')[0]?.plan;
  if (!plan) throw new Error(`no plan:\n${run.stdout}\n${run.stderr}`);
  return plan;
}

/** What is left in the stack's local cloud of the given types (those listable without a parent). */
async function remaining(stackDir: string, types: string[]): Promise<string[]> {
  const registry = schemaRegistry();
  const server = await startLocalCloud({ dataDir: join(stackDir, '.deploy', 'local-cloud') });
  const client = new CloudControlClient({
    region: ENV.AWS_REGION,
    endpoint: server.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  try {
    const found: string[] = [];
    for (const type of types.filter((t) => registry.resolve(t).listRequires.length === 0)) {
      const out = await client.send(new ListResourcesCommand({ TypeName: type }));
      found.push(...(out.ResourceDescriptions ?? []).map((d) => `${type} ${d.Identifier}`));
    }
    return found;
  } finally {
    client.destroy();
    await server.close();
  }
}

async function fullCycle(name: string, resources: number): Promise<void> {
  const stack = tempStack(join(EXAMPLES, name));
  const cli = (...args: string[]): Promise<CliRun> => deploy([args[0] as string, stack, 'dev', ...args.slice(1)], ENV);

  const validated = await cli('validate');
  expect(validated.code, validated.stderr).toBe(0);

  const first = planOf(await cli('plan', '--local', '--json'));
  expect(first.summary).toMatchObject({ create: resources, update: 0, replace: 0, delete: 0 });
  const types = [...new Set(first.resources.map((r) => r.type))];

  const built = await cli('build', '--local', '--json');
  expect(built.code, built.stdout + built.stderr).toBe(0);
  expect(eventsOf(built, 'run_finished')[0]?.summary).toMatchObject({ created: resources, failed: 0 });

  const tested = await cli('test', '--local');
  expect(tested.code, tested.stdout + tested.stderr).toBe(0);
  expect(tested.stdout).toContain('Test passed');

  const again = await cli('plan', '--local', '--json', '--detailed-exitcode');
  expect(again.code, again.stdout + again.stderr).toBe(0);
  expect(planOf(again).summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0, noop: resources });

  // stackql-deploy keeps no state: without the ledger, every resource is found by its exists query.
  rmSync(join(stack, '.deploy', 'dev', 'state.json'));
  const stateless = await cli('plan', '--local', '--json', '--detailed-exitcode');
  expect(stateless.code, stateless.stdout + stateless.stderr).toBe(0);
  expect(
    planOf(stateless)
      .resources.map((r) => r.reason)
      .join('\n'),
  ).not.toContain('does not exist');
  // Applying with nothing to change records what it found, so teardown knows what to delete.
  expect((await cli('apply', '--local', '--yes')).code).toBe(0);

  const down = await cli('teardown', '--local', '--yes', '--json');
  expect(down.code, down.stdout + down.stderr).toBe(0);
  expect(eventsOf(down, 'run_finished')[0]?.summary).toMatchObject({ deleted: resources, failed: 0 });
  expect(await remaining(stack, types)).toEqual([]);
}

describe('stackql-deploy example stacks, unchanged, on the local cloud', () => {
  it('py-patch-doc-test (aws provider, data__Identifier, sub-queries, JSON_EQUAL)', () =>
    fullCycle('py-patch-doc-test', 1));

  it('rs-patch-doc-test (awscc provider, Identifier, _list_only exists, RETURNING *)', () =>
    fullCycle('rs-patch-doc-test', 1));

  it(
    'py-aws-stack (VPC to web server: tag tables grouped with json_group_object, a type: query resource)',
    () => fullCycle('py-aws-stack', 9),
    60_000,
  );
});
