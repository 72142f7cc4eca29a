import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/events/events.js';
import { createInkReporter } from '../../src/ui/ink-reporter.js';
import { createReporter } from '../../src/ui/index.js';
import { at, emptySummary, finished, planRun, samplePlan, started, T0 } from './fixtures.js';

const API = 'AWS::ApiGatewayV2::Api';

function terminal() {
  let text = '';
  return { out: { write: (s: string) => ((text += s), true), isTTY: false, columns: 120 }, text: () => text };
}

/** An apply as the CLI runs it: plan, a confirmation question on the same stdout, then the work. */
async function applyWithPrompt(
  reporter: ReturnType<typeof createInkReporter>,
  out: { write(s: string): boolean },
  clock: { t: number },
) {
  const emit = (e: EngineEvent) => reporter.emit(e);
  emit({ type: 'run_started', time: at(0), command: 'apply', stack: 'websocket-api', env: 'dev' });
  emit({ type: 'plan_ready', time: at(0), plan: samplePlan });
  out.write('Do you want to apply these changes? yes\n');
  emit(started('api', API, 'create', 0));
  await new Promise((resolve) => setImmediate(resolve));
  clock.t += 3100;
  emit(finished('api', API, 'create', 3100, 3100, 'abc1234'));
  emit({
    type: 'run_finished',
    time: at(3100),
    command: 'apply',
    outcome: 'success',
    durationMs: 3100,
    summary: { ...emptySummary, created: 1 },
  });
  await reporter.close();
}

/** The part of the output after `marker` up to the first occurrence of `until`. */
function between(text: string, marker: string, until: string): string {
  const after = text.slice(text.indexOf(marker));
  return after.slice(0, after.indexOf(until));
}

// Erase-line and cursor-up sequences: what a redraw over the question would write first.
// eslint-disable-next-line no-control-regex -- terminal escape codes are what is asserted
const REDRAW = /\u001b\[(2K|1A|\d*F)/;

describe('Ink reporter end to end', () => {
  it('keeps a confirmation question intact when Ink is already loaded', async () => {
    const { out, text } = terminal();
    const clock = { t: T0 };
    const reporter = createInkReporter({ stdout: out, color: false, showDiff: true, now: () => clock.t });
    await reporter.ready;
    await applyWithPrompt(reporter, out, clock);

    const plan = text().indexOf('+ ApiId = (known after apply)');
    const question = text().indexOf('Do you want to apply');
    expect(plan).toBeGreaterThanOrEqual(0);
    expect(question).toBeGreaterThan(plan);
    expect(between(text(), 'Do you want to apply', 'creating')).not.toMatch(REDRAW);
    expect(text()).toContain('✓ api created in 3.1s [id=abc1234]');
    expect(text()).toContain('Apply complete: 1 created, 0 updated, 0 replaced, 0 deleted.');
    // Colour off: whatever Ink writes to move the cursor, it writes no colour (SGR) codes.
    // eslint-disable-next-line no-control-regex
    expect(text()).not.toMatch(/\u001b\[\d+(;\d+)*m/);
  });

  it('prints the plan itself when the plan arrives before Ink has loaded', async () => {
    const { out, text } = terminal();
    const clock = { t: T0 };
    const reporter = createInkReporter({ stdout: out, color: false, showDiff: false, now: () => clock.t });
    await applyWithPrompt(reporter, out, clock);

    expect(text().startsWith('  + api          AWS::ApiGatewayV2::Api')).toBe(true);
    expect(text().indexOf('Do you want to apply')).toBeGreaterThan(text().indexOf('Plan: 3 to create'));
    // Printed once, by whichever of the two got there.
    expect(text().split('Plan: 3 to create').length).toBe(2);
    expect(text()).toContain('Apply complete: 1 created');
  });

  it('renders a plan command and closes twice without harm', async () => {
    const { out, text } = terminal();
    const reporter = createReporter('ink', { stdout: out, color: false, showDiff: false });
    for (const event of planRun()) reporter.emit(event);
    await reporter.close();
    await reporter.close();
    expect(text().split('Plan: 3 to create').length).toBe(2);
    reporter.emit({ type: 'warning', time: at(2), message: 'late' });
    expect(text()).not.toContain('late');
  });
});
