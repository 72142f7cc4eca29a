import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { EngineEvent } from '../../src/events/events.js';
import { App } from '../../src/ui/ink/App.js';
import { applyEvent, initialProgress, type ProgressState } from '../../src/ui/ink/progress.js';
import { createStore } from '../../src/ui/ink/store.js';
import { at, emptySummary, finished, samplePlan, started, T0 } from './fixtures.js';

// ink-testing-library renders in Ink's debug mode: every frame is written whole (scrollback
// plus live frame), in CI or not, which is what lets these tests read the live rows.

const API = 'AWS::ApiGatewayV2::Api';
const INTEGRATION = 'AWS::ApiGatewayV2::Integration';
const ROUTE = 'AWS::ApiGatewayV2::Route';
const STAGE = 'AWS::ApiGatewayV2::Stage';
const AUTHORIZER = 'AWS::ApiGatewayV2::Authorizer';

function mount() {
  const store = createStore<ProgressState>(initialProgress(T0));
  const app = render(<App store={store} color={false} showDiff={false} />);
  return {
    ...app,
    /** Delivers an event `ms` after T0, as the reporter would with its clock, and lets React render. */
    emit: async (ms: number, event: EngineEvent) => {
      store.setState((s) => applyEvent(s, event, T0 + ms));
      await settled();
    },
    tick: async (ms: number) => {
      store.setState((s) => ({ ...s, now: T0 + ms }));
      await settled();
    },
  };
}

/** React 19 renders store updates in a microtask; a macrotask later the frame is written. */
function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function begin(ui: ReturnType<typeof mount>) {
  await ui.emit(0, { type: 'run_started', time: at(0), command: 'apply', stack: 'websocket-api', env: 'dev' });
  await ui.emit(0, { type: 'plan_ready', time: at(0), plan: samplePlan });
}

afterEach(() => {
  cleanup();
});

describe('Ink reporter app: a whole apply', () => {
  it('shows rows in flight, moves finished ones to the scrollback, and ends with a summary', async () => {
    const ui = mount();
    await ui.emit(0, { type: 'run_started', time: at(0), command: 'apply', stack: 'websocket-api', env: 'dev' });
    expect(ui.lastFrame()).toContain('planning websocket-api (dev)...');

    await ui.emit(0, { type: 'plan_ready', time: at(0), plan: samplePlan });
    expect(ui.lastFrame()).toContain('Plan: 3 to create, 1 to update, 1 to replace, 0 to delete.');
    // Nothing live below the plan while apply may be asking for confirmation there.
    expect(ui.lastFrame()).not.toContain('waiting');

    await ui.emit(0, started('api', API, 'create', 0));
    expect(ui.lastFrame()).toContain('0/5');
    await ui.tick(2000);
    expect(ui.lastFrame()).toContain('⠴ creating   api          AWS::ApiGatewayV2::Api          2s');
    expect(ui.lastFrame()).toContain('0 done · 1 running · 4 waiting · 0 failed');

    await ui.emit(3100, finished('api', API, 'create', 3100, 3100, 'abc1234'));
    await ui.emit(3100, started('integration', INTEGRATION, 'create', 3100));
    await ui.emit(3100, started('stage', STAGE, 'update', 3100));
    const midway = ui.lastFrame() ?? '';
    expect(midway).toContain('✓ api created in 3.1s [id=abc1234]');
    expect(midway).not.toMatch(/creating\s+api /);
    expect(midway).toContain('updating   stage        AWS::ApiGatewayV2::Stage        0s [id=abc1234|dev]');
    // Critical path: integration (≈3.1 s, the create average) then route, which depends on it.
    expect(midway).toContain('1/5');
    expect(midway).toContain('1 done · 2 running · 2 waiting · 0 failed · about 7s left');
    expect(midway).toMatchInlineSnapshot(`
      "  + api          AWS::ApiGatewayV2::Api          (not found)
        + integration  AWS::ApiGatewayV2::Integration  (not found)
        + route        AWS::ApiGatewayV2::Route        (not found)
        ~ stage        AWS::ApiGatewayV2::Stage        (Description changed; changed outside the engine)
      -/+ authorizer   AWS::ApiGatewayV2::Authorizer   (AuthorizerType forces replacement)

      3 unchanged.
      Plan: 3 to create, 1 to update, 1 to replace, 0 to delete.
      ✓ api created in 3.1s [id=abc1234]
      ⠇ creating   integration  AWS::ApiGatewayV2::Integration  0s
      ⠇ updating   stage        AWS::ApiGatewayV2::Stage        0s [id=abc1234|dev]

      ██████░░░░░░░░░░░░░░░░░░░░░░░░ 1/5
      1 done · 2 running · 2 waiting · 0 failed · about 7s left"
    `);

    await ui.emit(4000, finished('stage', STAGE, 'update', 4000, 900));
    await ui.emit(4000, started('authorizer', AUTHORIZER, 'replace', 4000));
    await ui.emit(6000, finished('integration', INTEGRATION, 'create', 6000, 2900, 'abc1234|int1'));
    await ui.emit(6000, started('route', ROUTE, 'create', 6000));
    await ui.emit(8000, finished('route', ROUTE, 'create', 8000, 2000, 'abc1234|r1'));
    await ui.emit(9000, finished('authorizer', AUTHORIZER, 'replace', 9000, 5000, 'abc1234|auth100'));
    await ui.emit(9000, {
      type: 'run_finished',
      time: at(9000),
      command: 'apply',
      outcome: 'success',
      durationMs: 9000,
      summary: { ...emptySummary, created: 3, updated: 1, replaced: 1, unchanged: 3 },
    });

    const end = ui.lastFrame() ?? '';
    expect(end).toMatchInlineSnapshot(`
      "  + api          AWS::ApiGatewayV2::Api          (not found)
        + integration  AWS::ApiGatewayV2::Integration  (not found)
        + route        AWS::ApiGatewayV2::Route        (not found)
        ~ stage        AWS::ApiGatewayV2::Stage        (Description changed; changed outside the engine)
      -/+ authorizer   AWS::ApiGatewayV2::Authorizer   (AuthorizerType forces replacement)

      3 unchanged.
      Plan: 3 to create, 1 to update, 1 to replace, 0 to delete.
      ✓ api created in 3.1s [id=abc1234]
      ✓ stage updated in 0.9s [id=abc1234|dev]
      ✓ integration created in 2.9s [id=abc1234|int1]
      ✓ route created in 2.0s [id=abc1234|r1]
      ✓ authorizer replaced in 5.0s [id=abc1234|auth100]

      Apply complete: 3 created, 1 updated, 1 replaced, 0 deleted.
      "
    `);
    // The scrollback keeps exactly one line per finished resource.
    expect(end.match(/^✓ /gm)).toHaveLength(5);
    expect(end).not.toContain('running');
    // At least one frame showed the api row in flight before it moved to the scrollback.
    expect(ui.frames.some((f) => /creating\s+api\s/.test(f))).toBe(true);
  });
});

describe('Ink reporter app: failure and interrupt', () => {
  it('shows the cloud message and the hint under a failed resource', async () => {
    const ui = mount();
    await begin(ui);
    await ui.emit(0, started('integration', INTEGRATION, 'create', 0));
    await ui.emit(1200, {
      type: 'resource_failed',
      time: at(1200),
      resource: 'integration',
      resourceType: INTEGRATION,
      action: 'create',
      durationMs: 1200,
      error: {
        code: 'InvalidRequest',
        message: 'IntegrationUri must be an ARN',
        hint: 'Check integration_uri in resources/integration.iql',
      },
    });
    await ui.emit(1200, {
      type: 'resource_skipped',
      time: at(1200),
      resource: 'route',
      resourceType: ROUTE,
      action: 'create',
      reason: 'dependency_failed',
    });
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain(
      [
        '✗ integration create failed after 1.2s',
        '    InvalidRequest: IntegrationUri must be an ARN',
        '    hint: Check integration_uri in resources/integration.iql',
      ].join('\n'),
    );
    expect(frame).toContain('- route not attempted (a resource it depends on failed)');
    expect(frame).toContain('0 done · 0 running · 3 waiting · 1 failed · 1 not attempted');

    await ui.emit(1300, {
      type: 'run_finished',
      time: at(1300),
      command: 'apply',
      outcome: 'failed',
      durationMs: 1300,
      summary: { ...emptySummary, failed: 1, skipped: 4 },
    });
    expect(ui.lastFrame()).toContain(
      'Apply failed: 1 failed, 0 created, 0 updated, 0 replaced, 0 deleted, 4 not attempted.',
    );
    expect(ui.lastFrame()).toContain('  integration: create failed: InvalidRequest: IntegrationUri must be an ARN');
  });

  it('says it is stopping and counts the operations still in flight', async () => {
    const ui = mount();
    await begin(ui);
    await ui.emit(0, started('api', API, 'create', 0));
    await ui.emit(0, started('stage', STAGE, 'update', 0));
    await ui.emit(500, { type: 'interrupt_requested', time: at(500) });
    expect(ui.lastFrame()).toContain('Stopping: waiting for 2 operations in flight (Ctrl-C again to exit now)');
    await ui.emit(900, finished('stage', STAGE, 'update', 900, 900));
    expect(ui.lastFrame()).toContain('Stopping: waiting for 1 operation in flight (Ctrl-C again to exit now)');
    await ui.emit(1000, {
      type: 'run_finished',
      time: at(1000),
      command: 'apply',
      outcome: 'interrupted',
      durationMs: 1000,
      summary: { ...emptySummary, created: 1, updated: 1, skipped: 3 },
    });
    const end = ui.lastFrame() ?? '';
    expect(end).not.toContain('Stopping');
    expect(end).toContain('Apply interrupted: 1 created, 1 updated, 0 replaced, 0 deleted, 3 not attempted.');
  });

  it('writes warnings to the scrollback and no colour codes when colour is off', async () => {
    const ui = mount();
    await begin(ui);
    await ui.emit(10, { type: 'warning', time: at(10), message: 'StageVariables drifted', resource: 'stage' });
    expect(ui.lastFrame()).toContain('! warning: stage: StageVariables drifted');
    expect(ui.frames.join('')).not.toContain('\u001b[');
  });
});
