/**
 * kill -9 at chosen moments, against a local cloud in its own process (so the request in flight
 * outlives the killed run, as on AWS), then an ordinary run: what the killed run started is
 * adopted or recorded, never repeated, and nobody has to unlock anything.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudControlClient,
  CreateResourceCommand,
  GetResourceRequestStatusCommand,
} from '@aws-sdk/client-cloudcontrol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deploy, startCloud, type CliRun } from '../../bench/chaos.mjs';
import { inventoryAt } from '../../bench/lib/inventory.mjs';
import type { EngineEvent } from '../../src/events/index.js';
import { Ledger } from '../../src/state/index.js';
import { ledgerOf, tempStack } from './harness.js';

// One cloud per test: every copy of the example stack names its API alike.
let cloud: { url: string; stop: () => Promise<void> };
beforeEach(async () => {
  cloud = await startCloud(join(mkdtempSync(join(tmpdir(), 'deploy-crash-')), 'cloud'), '300-600');
});
afterEach(async () => {
  await cloud.stop();
});

const run = (verb: string, stack: string, ...more: string[]): string[] => [
  verb,
  stack,
  'dev',
  '--endpoint',
  cloud.url,
  '--json',
  ...(verb === 'plan' ? [] : ['--yes']),
  ...more,
];

function events(r: CliRun): EngineEvent[] {
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as EngineEvent)
    .filter((e) => 'time' in e);
}

function warnings(r: CliRun): string[] {
  return events(r).flatMap((e) => (e.type === 'warning' ? [`${e.resource ?? ''}: ${e.message}`] : []));
}

function planned(r: CliRun): Record<string, string> {
  const ready = events(r).find((e) => e.type === 'plan_ready');
  return Object.fromEntries(
    (ready?.type === 'plan_ready' ? ready.plan.resources : []).map((c) => [c.resource, c.action]),
  );
}

async function ledgerMatchesCloud(stack: string): Promise<void> {
  const ledger = ledgerOf(stack, 'dev');
  expect(ledger.pending).toEqual([]);
  const recorded = new Set(Object.values(ledger.resources).map((r) => `${r.type} ${r.identifier}`));
  expect(await inventoryAt(cloud.url)).toEqual(recorded);
}

describe('kill -9, then run again', () => {
  it('adopts the create that was in flight: plan shows it, apply records it, none is made twice', async () => {
    const stack = tempStack();
    const startedIntegration = /"resource_started"[^\n]*"connect_integration"/;
    const killed = await deploy(run('apply', stack, '--parallelism', '1'), { when: startedIntegration, delayMs: 100 });
    expect(killed.killed).toBe(true);

    const plan = await deploy(run('plan', stack));
    expect(plan.code).toBe(0);
    expect(warnings(plan)).toContainEqual(
      expect.stringMatching(/^connect_integration: adopted .* which an interrupted run created$/),
    );
    expect(planned(plan)).toMatchObject({ api: 'noop', connect_integration: 'noop', default_integration: 'create' });

    const apply = await deploy(run('apply', stack));
    expect(apply.code).toBe(0);
    expect(warnings(apply)).toContainEqual(expect.stringContaining('that process no longer runs on this host'));
    expect(warnings(apply)).toContainEqual(expect.stringMatching(/^connect_integration: adopted/));
    expect(await inventoryAt(cloud.url)).toHaveLength(9);
    await ledgerMatchesCloud(stack);
  });

  it('finishes a teardown: no ledger entry is left for what the killed run deleted', async () => {
    const stack = tempStack();
    expect((await deploy(run('apply', stack))).code).toBe(0);
    const killed = await deploy(run('teardown', stack, '--parallelism', '1'), {
      when: /"resource_started"[^\n]*"stage"/,
      delayMs: 100,
    });
    expect(killed.killed).toBe(true);
    const plan = await deploy(run('plan', stack));
    expect(warnings(plan)).toContainEqual(
      expect.stringMatching(/^stage: recorded the delete of .*interrupted run made$/),
    );
    expect(planned(plan)['stage']).toBe('create');

    const teardown = await deploy(run('teardown', stack));
    expect(teardown.code).toBe(0);
    const finished = events(teardown).find((e) => e.type === 'run_finished');
    expect(finished?.type === 'run_finished' && finished.summary.deleted).toBe(8);
    expect(ledgerOf(stack, 'dev').resources).toEqual({});
    expect(await inventoryAt(cloud.url)).toEqual(new Set());
  });

  it('re-sends a request whose answer never arrived, with the same client token: the original is adopted', async () => {
    const stack = tempStack();
    const type = 'AWS::ApiGatewayV2::Api';
    const render = JSON.parse((await deploy(['render', stack, 'dev', '--resource', 'api'])).stdout) as [
      { desiredState: Record<string, unknown> },
    ];
    const desired = render[0].desiredState;
    // What a run killed between sending and hearing back leaves: an intent without request token.
    const intent = Ledger.open(stack, 'dev', 'websocket-api').intend({
      resource: 'api',
      type,
      region: 'us-east-1',
      operation: 'create',
      desired,
      dependsOn: [],
    });
    const client = new CloudControlClient({
      region: 'us-east-1',
      endpoint: cloud.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const sent = await client.send(
      new CreateResourceCommand({
        TypeName: type,
        DesiredState: JSON.stringify(desired),
        ClientToken: intent.clientToken,
      }),
    );

    const plan = await deploy(run('plan', stack));
    expect(warnings(plan)).toContainEqual(
      expect.stringMatching(/^api: .* outcome is not known yet; apply sends it again/),
    );
    const apply = await deploy(run('apply', stack));
    expect(apply.code).toBe(0);
    // The request sent before the "kill" is the one that made the API.
    const status = await client.send(
      new GetResourceRequestStatusCommand({ RequestToken: sent.ProgressEvent?.RequestToken }),
    );
    client.destroy();
    expect(status.ProgressEvent?.OperationStatus).toBe('SUCCESS');
    const identifier = status.ProgressEvent?.Identifier as string;
    expect(warnings(apply)).toContainEqual(`api: adopted ${type} ${identifier}, which an interrupted run created`);
    expect(ledgerOf(stack, 'dev').resources['api']?.identifier).toBe(identifier);
    await ledgerMatchesCloud(stack);
  });
});
