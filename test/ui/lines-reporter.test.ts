import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../src/events/events.js';
import { createReporter, type Reporter } from '../../src/ui/index.js';
import { at, emptySummary, finished, planRun, samplePlan, started, T0 } from './fixtures.js';

const API = 'AWS::ApiGatewayV2::Api';
const INTEGRATION = 'AWS::ApiGatewayV2::Integration';

function capture() {
  let text = '';
  return { out: { write: (s: string) => ((text += s), true) }, text: () => text };
}

/** Feeds events at their offsets from T0, advancing the fake clock (and heartbeats) in between. */
function play(reporter: Reporter, script: Array<[number, EngineEvent]>) {
  let clock = 0;
  for (const [ms, event] of script) {
    vi.advanceTimersByTime(ms - clock);
    clock = ms;
    reporter.emit(event);
  }
}

const failedApply: Array<[number, EngineEvent]> = [
  [0, { type: 'run_started', time: at(0), command: 'apply', stack: 'websocket-api', env: 'dev' }],
  [0, { type: 'plan_ready', time: at(0), plan: samplePlan }],
  [0, started('api', API, 'create', 0)],
  [3100, finished('api', API, 'create', 3100, 3100, 'abc1234')],
  [3100, started('integration', INTEGRATION, 'create', 3100)],
  [3100, started('stage', 'AWS::ApiGatewayV2::Stage', 'update', 3100)],
  [4300, finished('stage', 'AWS::ApiGatewayV2::Stage', 'update', 4300, 1200)],
  [4300, started('authorizer', 'AWS::ApiGatewayV2::Authorizer', 'replace', 4300)],
  [
    5000,
    { type: 'warning', time: at(5000), resource: 'stage', message: 'StageVariables were changed outside the engine' },
  ],
  [9000, finished('authorizer', 'AWS::ApiGatewayV2::Authorizer', 'replace', 9000, 4700, 'abc1234|auth100')],
  [
    15_300,
    {
      type: 'resource_failed',
      time: at(15_300),
      resource: 'integration',
      resourceType: INTEGRATION,
      action: 'create',
      durationMs: 12_200,
      error: {
        code: 'InvalidRequest',
        message: 'IntegrationUri must be an ARN for AWS_PROXY integrations',
        hint: 'Check integration_uri in resources/integration.iql',
        resource: 'integration',
      },
    },
  ],
  [
    15_300,
    {
      type: 'resource_skipped',
      time: at(15_300),
      resource: 'route',
      resourceType: 'AWS::ApiGatewayV2::Route',
      action: 'create',
      reason: 'dependency_failed',
    },
  ],
  [
    15_400,
    {
      type: 'run_finished',
      time: at(15_400),
      command: 'apply',
      outcome: 'failed',
      durationMs: 15_400,
      summary: { ...emptySummary, created: 1, updated: 1, replaced: 1, unchanged: 3, failed: 1, skipped: 1 },
      error: { code: 'InvalidRequest', message: 'IntegrationUri must be an ARN', resource: 'integration' },
    },
  ],
];

describe('lines reporter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes a whole failed apply as append-only lines, heartbeats included', async () => {
    const { out, text } = capture();
    const reporter = createReporter('lines', { stdout: out, color: true, showDiff: false, now: () => Date.now() });
    play(reporter, failedApply);
    await reporter.close();

    expect(text()).not.toContain('\u001b');
    expect(text()).toMatchInlineSnapshot(`
      "  + api          AWS::ApiGatewayV2::Api          (not found)
        + integration  AWS::ApiGatewayV2::Integration  (not found)
        + route        AWS::ApiGatewayV2::Route        (not found)
        ~ stage        AWS::ApiGatewayV2::Stage        (Description changed; changed outside the engine)
      -/+ authorizer   AWS::ApiGatewayV2::Authorizer   (AuthorizerType forces replacement)

      3 unchanged.
      Plan: 3 to create, 1 to update, 1 to replace, 0 to delete.

      api: creating...
      api: created in 3.1s [id=abc1234]
      integration: creating...
      stage: updating... [id=abc1234|dev]
      stage: updated in 1.2s [id=abc1234|dev]
      authorizer: replacing... [id=abc1234|auth99]
      warning: stage: StageVariables were changed outside the engine
      authorizer: replaced in 4.7s [id=abc1234|auth100]
      integration: still creating... [10s elapsed]
      integration: create failed after 12.2s: InvalidRequest: IntegrationUri must be an ARN for AWS_PROXY integrations
        hint: Check integration_uri in resources/integration.iql
      route: not attempted (a resource it depends on failed)

      Apply failed: 1 failed, 1 created, 1 updated, 1 replaced, 0 deleted, 1 not attempted.
        integration: create failed: InvalidRequest: IntegrationUri must be an ARN for AWS_PROXY integrations
      "
    `);
  });

  it('says "still creating" every heartbeat and stops when the run finishes', () => {
    const { out, text } = capture();
    const reporter = createReporter('lines', { stdout: out, color: false, showDiff: false, now: () => Date.now() });
    reporter.emit(started('api', API, 'create', 0));
    vi.advanceTimersByTime(9_999);
    expect(text()).not.toContain('still');
    vi.advanceTimersByTime(1);
    expect(text()).toContain('api: still creating... [10s elapsed]\n');
    vi.advanceTimersByTime(60_000);
    expect(text()).toContain('api: still creating... [1m10s elapsed]\n');
    reporter.emit({
      type: 'run_finished',
      time: at(70_000),
      command: 'apply',
      outcome: 'interrupted',
      durationMs: 70_000,
      summary: { ...emptySummary, skipped: 2 },
    });
    expect(vi.getTimerCount()).toBe(0);
    expect(text().split('\n').slice(-2)).toEqual([
      'Apply interrupted: 0 created, 0 updated, 0 replaced, 0 deleted, 2 not attempted.',
      '',
    ]);
  });

  it('stops heartbeats on close even when the run never finished', async () => {
    const { out } = capture();
    const reporter = createReporter('lines', { stdout: out, color: false, showDiff: false, heartbeatMs: 500 });
    reporter.emit(started('api', API, 'create', 0));
    expect(vi.getTimerCount()).toBe(1);
    await reporter.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports an interrupt, warnings and a teardown', () => {
    const { out, text } = capture();
    const reporter = createReporter('lines', { stdout: out, color: false, showDiff: false });
    reporter.emit({ type: 'run_started', time: at(0), command: 'teardown', stack: 's', env: 'dev' });
    reporter.emit({ type: 'interrupt_requested', time: at(1) });
    reporter.emit({ type: 'warning', time: at(2), message: 'lock held for 2m' });
    reporter.emit({
      type: 'run_finished',
      time: at(3),
      command: 'teardown',
      outcome: 'success',
      durationMs: 3,
      summary: { ...emptySummary, deleted: 7 },
    });
    expect(text()).toBe(
      [
        'Interrupt received: finishing operations in flight, starting nothing new. Press Ctrl-C again to exit now.',
        'warning: lock held for 2m',
        '',
        'Teardown complete: 7 deleted.',
        '',
      ].join('\n'),
    );
  });

  it('adds nothing after a successful plan, and names the error when a run was refused before any change', () => {
    const { out, text } = capture();
    const reporter = createReporter('lines', { stdout: out, color: false, showDiff: false });
    for (const event of planRun()) reporter.emit(event);
    expect(text().endsWith('Plan: 3 to create, 1 to update, 1 to replace, 0 to delete.\n')).toBe(true);

    // The CLI prints a thrown error (and its hint) on stderr; stdout only says how the run ended.
    const failed = capture();
    const again = createReporter('lines', { stdout: failed.out, color: false, showDiff: false });
    again.emit({
      type: 'run_finished',
      time: at(1),
      command: 'apply',
      outcome: 'failed',
      durationMs: 1,
      summary: emptySummary,
      error: { code: 'StateLocked', message: 'the stack is locked by ci-123', hint: 'run deploy unlock' },
    });
    expect(failed.text()).toBe('\nApply failed: StateLocked (the error and what to do follow on stderr).\n');
  });
});

describe('lines reporter timers', () => {
  it('unrefs heartbeat timers so they never keep the process alive', async () => {
    const spy = vi.spyOn(globalThis, 'setInterval');
    const reporter = createReporter('lines', { stdout: capture().out, color: false, showDiff: false, heartbeatMs: 50 });
    reporter.emit(started('api', API, 'create', 0));
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await reporter.close();
    spy.mockRestore();
  });
});

describe('coded reasons in words', () => {
  it('says why a resource was not attempted, and each rollback step', () => {
    const { out, text } = capture();
    const reporter = createReporter('lines', { stdout: out, color: false, showDiff: false });
    reporter.emit({
      type: 'resource_skipped',
      time: at(0),
      resource: 'stage',
      resourceType: 'T',
      action: 'create',
      reason: 'replacement_not_created',
    });
    reporter.emit({ type: 'rollback_step', time: at(1), resource: 'api', resourceType: 'T', step: 'undoing' });
    reporter.emit({
      type: 'rollback_step',
      time: at(2),
      resource: 'old',
      resourceType: 'T',
      step: 'cannot_restore_deleted',
    });
    expect(text()).toContain('stage: not attempted (its old instance was deleted, but the replacement was not created');
    expect(text()).toContain('rolling back api');
    expect(text()).toContain('rollback cannot restore old: it was deleted');
  });
});
