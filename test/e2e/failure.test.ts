/**
 * A fault injected into one resource's create, under each --on-failure mode: the ledger must
 * hold exactly what exists in the cloud, and the run must say what failed, what succeeded and
 * what was not attempted. A throttled local cloud must still complete.
 */
import { describe, expect, it } from 'vitest';
import { deploy, eventsOf, ledgerOf, manifestHead, stackWith, tempStack } from './harness.js';
import { inventory } from './inventory.js';

/** The first Route create fails: connect_route, whose deployment and stage then cannot follow. */
const FAULT = { DEPLOY_LOCAL_FAULTS: 'create:AWS::ApiGatewayV2::Route:1:GeneralServiceException' };

async function ledgerMatchesCloud(stack: string): Promise<string[]> {
  const ledger = ledgerOf(stack, 'dev');
  const recorded = new Set(Object.values(ledger.resources).map((r) => `${r.type} ${r.identifier}`));
  expect(await inventory(stack)).toEqual(recorded);
  return Object.keys(ledger.resources).sort();
}

describe('--on-failure', () => {
  it('stop: operations in flight finish, nothing new starts, the ledger is current', async () => {
    const stack = tempStack();
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json', '--parallelism', '1'], FAULT);
    expect(run.code).toBe(1);
    expect(eventsOf(run, 'resource_failed').map((e) => [e.resource, e.error.code])).toEqual([
      ['connect_route', 'GeneralServiceException'],
    ]);
    expect(eventsOf(run, 'resource_skipped').map((e) => e.resource)).toEqual([
      'default_route',
      'default_route_response',
      'deployment',
      'stage',
    ]);
    expect(eventsOf(run, 'run_finished')[0]).toMatchObject({
      outcome: 'failed',
      summary: { created: 4, failed: 1, skipped: 4 },
    });
    expect(await ledgerMatchesCloud(stack)).toEqual([
      'api',
      'connect_integration',
      'default_integration',
      'default_integration_response',
    ]);

    // The next apply (no fault) finishes the job from where it stopped.
    const again = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(eventsOf(again, 'run_finished')[0]?.summary).toMatchObject({ created: 5, unchanged: 4 });
  });

  it('stop, many at once: intents recorded for operations waiting in line are closed, not left pending', async () => {
    // Eight independent APIs, two at a time: while two are created, the next two in line have
    // their intents recorded; the second create fails, so those never start.
    const apis = Array.from({ length: 8 }, (_, i) => `  - name: api_${i}\n    file: api.iql\n`).join('');
    const stack = stackWith(`${manifestHead('wide')}${apis}`, {
      'api.iql':
        '/*+ create */\nINSERT INTO aws.apigatewayv2.apis (Name, ProtocolType, RouteSelectionExpression, region)\n' +
        "SELECT '{{ resource_name }}', 'WEBSOCKET', '$request.body.action', '{{ region }}';\n" +
        "/*+ delete */\nDELETE FROM aws.apigatewayv2.apis WHERE data__Identifier = '{{ api_id }}' AND region = '{{ region }}';\n",
    });
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json', '--parallelism', '2'], {
      DEPLOY_LOCAL_FAULTS: 'create:AWS::ApiGatewayV2::Api:2:GeneralServiceException',
    });
    expect(run.code).toBe(1);
    const skipped = eventsOf(run, 'resource_skipped').map((e) => e.resource);
    expect(skipped).toContain('api_7');
    const ledger = ledgerOf(stack, 'dev');
    expect(ledger.pending).toEqual([]);
    await ledgerMatchesCloud(stack);
    for (const name of skipped) expect(ledger.resources[name]).toBeUndefined();
  });

  it('continue: everything that does not depend on the failure still happens', async () => {
    const stack = tempStack();
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json', '--on-failure', 'continue'], FAULT);
    expect(run.code).toBe(1);
    // The first Route created fails: whichever the scheduler started first.
    const failed = eventsOf(run, 'resource_failed').map((e) => e.resource);
    expect(failed.length === 1 && ['connect_route', 'default_route'].includes(failed[0] as string)).toBe(true);
    const [route, other] =
      failed[0] === 'default_route' ? ['default_route', 'connect_route'] : ['connect_route', 'default_route'];
    const lost = route === 'default_route' ? ['default_route_response'] : [];
    expect(
      eventsOf(run, 'resource_skipped')
        .map((e) => e.resource)
        .sort(),
    ).toEqual([...lost, 'deployment', 'stage']);
    expect(await ledgerMatchesCloud(stack)).toEqual(
      [
        'api',
        'connect_integration',
        'default_integration',
        'default_integration_response',
        other,
        ...(lost.length ? [] : ['default_route_response']),
      ].sort(),
    );
  });

  it('rollback: what this run created is deleted again, newest first', async () => {
    const stack = tempStack();
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json', '--on-failure', 'rollback'], FAULT);
    expect(run.code).toBe(1);
    expect(await ledgerMatchesCloud(stack)).toEqual([]);
    const rolledBack = eventsOf(run, 'rollback_step').map((e) => `${e.step} ${e.resource}`);
    expect(rolledBack.at(-1)).toBe('undoing api');
    expect(eventsOf(run, 'warning')).toEqual([]);
    const summary = eventsOf(run, 'run_finished')[0]?.summary;
    expect(summary?.failed).toBe(1);
    expect(summary?.rolledBack).toBe(summary?.created);
  });

  it('rollback of an update restores the previous values', async () => {
    const stack = tempStack();
    expect((await deploy(['apply', stack, 'dev', '--local', '--yes'])).code).toBe(0);
    const { editManifest } = await import('./harness.js');
    editManifest(stack, (t) =>
      t
        .replace('value: MOCK integration for $connect', 'value: changed description')
        .replace('value: $connect\n', 'value: $disconnect\n'),
    );
    const fault = { DEPLOY_LOCAL_FAULTS: 'update:AWS::ApiGatewayV2::Route:1:GeneralServiceException' };
    const run = await deploy(
      ['apply', stack, 'dev', '--local', '--yes', '--json', '--parallelism', '1', '--on-failure', 'rollback'],
      fault,
    );
    expect(run.code).toBe(1);
    const plan = await deploy(['plan', stack, 'dev', '--local', '--json']);
    // Back where it was: the manifest's edits are pending again, nothing else.
    const pending = eventsOf(plan, 'plan_ready')[0]
      ?.plan.resources.filter((r) => r.action !== 'noop')
      .map((r) => r.resource);
    expect(pending?.sort()).toEqual(['connect_integration', 'connect_route']);
    expect(ledgerOf(stack, 'dev').resources['connect_integration']).toBeDefined();
  });
});

describe('transient asynchronous failures', () => {
  it('a request that ends FAILED with Throttling is submitted again and the apply completes', async () => {
    const stack = tempStack();
    const fault = {
      DEPLOY_LOCAL_FAULTS:
        'create:AWS::ApiGatewayV2::Route:1:Throttling;create:AWS::ApiGatewayV2::Stage:1:ServiceInternalError',
    };
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json'], fault);
    expect(run.code, run.stdout).toBe(0);
    expect(eventsOf(run, 'run_finished')[0]?.summary.created).toBe(9);
    expect(await ledgerMatchesCloud(stack)).toHaveLength(9);
  });
});

describe('a throttled local cloud', () => {
  it('still completes the apply: throttled requests are retried with backoff', async () => {
    const stack = tempStack();
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json'], { DEPLOY_LOCAL_RATE_LIMIT: '15' });
    expect(run.code, run.stderr).toBe(0);
    expect(eventsOf(run, 'run_finished')[0]?.summary.created).toBe(9);
  });
});
