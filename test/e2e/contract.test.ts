/**
 * The CLI's contract with people and pipelines: saved plans that refuse when stale, the NDJSON
 * schema for every command, and no infrastructure change without a confirmation.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateEventLine } from '../../src/events/validate-event.js';
import { deploy, editManifest, eventsOf, tempStack } from './harness.js';

describe('saved plans', () => {
  it('apply --plan applies exactly what was planned', async () => {
    const stack = tempStack();
    const file = join(stack, 'dev.plan.json');
    expect((await deploy(['plan', stack, 'dev', '--local', '--out', file])).code).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { plan: { summary: { create: number } } };
    expect(saved.plan.summary.create).toBe(9);
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--plan', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(eventsOf(run, 'run_finished')[0]?.summary.created).toBe(9);
  });

  it('refuses, naming the resources, when the cloud changed since the plan', async () => {
    const stack = tempStack();
    expect((await deploy(['apply', stack, 'dev', '--local', '--yes'])).code).toBe(0);
    editManifest(stack, (t) => t.replace('value: MOCK integration for $connect', 'value: first edit'));
    const file = join(stack, 'dev.plan.json');
    expect((await deploy(['plan', stack, 'dev', '--local', '--out', file])).code).toBe(0);
    // Someone applies another change in between: the saved plan no longer describes reality.
    editManifest(stack, (t) => t.replace('value: first edit', 'value: second edit'));
    expect((await deploy(['apply', stack, 'dev', '--local', '--yes'])).code).toBe(0);
    editManifest(stack, (t) => t.replace('value: second edit', 'value: first edit'));

    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--plan', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[StalePlan]');
    expect(run.stderr).toContain('connect_integration');
    expect(run.stderr).toContain('hint:');
  });

  it('refuses a plan made for another environment', async () => {
    const stack = tempStack();
    const file = join(stack, 'prd.plan.json');
    expect((await deploy(['plan', stack, 'prd', '--local', '--out', file])).code).toBe(0);
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--plan', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[PlanMismatch]');
  });
});

describe('--json', () => {
  it('plan, apply and teardown each emit a version record, then events valid against the documented schema', async () => {
    const stack = tempStack();
    for (const args of [
      ['plan', stack, 'dev', '--local', '--json'],
      ['apply', stack, 'dev', '--local', '--json', '--yes'],
      ['teardown', stack, 'dev', '--local', '--json', '--yes'],
    ]) {
      const run = await deploy(args);
      expect(run.code, run.stderr).toBe(0);
      const lines = run.stdout.trim().split('\n');
      const parsed = lines.map((l) => JSON.parse(l) as { type: string });
      expect(parsed[0]).toMatchObject({ type: 'version', schema: 'deploy.events' });
      expect(parsed.at(-1)?.type).toBe('run_finished');
      for (const event of parsed) expect(validateEventLine(event), JSON.stringify(event)).toEqual([]);
    }
  });
});

describe('confirmation', () => {
  it('without a terminal and without --yes, apply and teardown refuse before touching anything', async () => {
    const stack = tempStack();
    for (const command of ['apply', 'teardown']) {
      const run = await deploy([command, stack, 'dev', '--local']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('[ConfirmationRequired]');
      expect(run.stderr).toContain('--yes');
    }
    expect(existsSync(join(stack, '.deploy'))).toBe(false);
  });
});

describe('usage errors', () => {
  it('an unknown command or flag says what exists', async () => {
    const unknown = await deploy(['aply', 'x', 'dev']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("did you mean 'apply'");
    const flag = await deploy(['plan', 'x', 'dev', '--paralelism', '3']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('--help');
    const stray = await deploy(['apply', 'x', 'dev', '--out', 'plan.json']);
    expect(stray.code).toBe(1);
    expect(stray.stderr).toContain('--out does not apply to deploy apply');
    const both = await deploy(['plan', 'x', 'dev', '--local', '--endpoint', 'http://127.0.0.1:1']);
    expect(both.stderr).toContain('--local and --endpoint');
    const help = await deploy(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('deploy apply <stack-dir> <env>');
  });
});

describe('--endpoint', () => {
  it('talks to any Cloud Control endpoint; a loopback one needs no AWS credentials', async () => {
    const { startLocalCloud } = await import('../../src/emulator/index.js');
    const server = await startLocalCloud();
    try {
      const stack = tempStack();
      const run = await deploy(['apply', stack, 'dev', '--endpoint', server.url, '--yes', '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(eventsOf(run, 'run_finished')[0]?.summary.created).toBe(9);
      const again = await deploy(['plan', stack, 'dev', '--json'], { AWS_ENDPOINT_URL_CLOUDCONTROL: server.url });
      expect(eventsOf(again, 'plan_ready')[0]?.plan.summary.noop).toBe(9);
    } finally {
      await server.close();
    }
  });

  it('AWS_ENDPOINT_URL_CLOUDCONTROL that is not a URL is named, unless --local leaves it unused', async () => {
    const stack = tempStack();
    const env = { AWS_ENDPOINT_URL_CLOUDCONTROL: 'cloudcontrol.internal:4566' };
    const bad = await deploy(['plan', stack, 'dev'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      "error [InvalidOption]: AWS_ENDPOINT_URL_CLOUDCONTROL must be an http:// or https:// URL, got 'cloudcontrol.internal:4566'\n" +
        '  hint: for example AWS_ENDPOINT_URL_CLOUDCONTROL=http://127.0.0.1:4566',
    );
    const local = await deploy(['plan', stack, 'dev', '--local', '--json'], env);
    expect(local.code, local.stderr).toBe(0);
    expect(eventsOf(local, 'plan_ready')[0]?.plan.summary.create).toBe(9);
  });
});

describe('bad input', () => {
  it('stops plan and apply before any cloud call, with every problem', async () => {
    const stack = tempStack();
    // A problem in the last resource: nothing may be read or created before it is reported.
    writeFileSync(
      join(stack, 'resources/stage.iql'),
      readFileSync(join(stack, 'resources/stage.iql'), 'utf8').replace('  StageName,', '  StageNam,'),
    );
    for (const command of ['plan', 'apply']) {
      const run = await deploy([command, stack, 'dev', '--local', ...(command === 'apply' ? ['--yes'] : [])]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/\[UnknownProperty\] .*stage\.iql:\d+, resource 'stage'/);
    }
    expect(existsSync(join(stack, '.deploy'))).toBe(false);
  });
});
