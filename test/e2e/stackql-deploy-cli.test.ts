/**
 * stackql-deploy's command line on deploy: init a starter stack, build it (no question),
 * test it, write its outputs with --output-file; --dry-run, --show-queries, --on-failure words
 * and a .env file read by default.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deploy, eventsOf } from './harness.js';

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'deploy-cli-'));
}

describe('stackql-deploy commands', () => {
  it('init, build with --output-file, test, plan nothing, teardown, then test fails', async () => {
    const cwd = workdir();
    const init = await deploy(['init', 'my-stack'], {}, cwd);
    expect(init.code, init.stderr).toBe(0);
    expect((await deploy(['validate', 'my-stack', 'dev'], {}, cwd)).code).toBe(0);

    const built = await deploy(['build', 'my-stack', 'dev', '--local', '--output-file', 'out.json'], {}, cwd);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const out = JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8')) as Record<string, string>;
    expect(out).toMatchObject({
      stack_name: 'my-stack',
      stack_env: 'dev',
      bucket_arn: 'arn:aws:s3:::my-stack-dev-bucket',
    });
    expect(out['vpc_id']).toMatch(/^vpc-/);
    expect(out['elapsed_time']).toMatch(/^\d+\.\d\ds$/);

    const tested = await deploy(['test', 'my-stack', 'dev', '--local'], {}, cwd);
    expect(tested.code, tested.stdout + tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/✓ example_vpc\s+its statecheck holds/);
    expect(tested.stdout).toContain('Test passed: 3 passed, 0 failed, 0 skipped.');

    expect((await deploy(['plan', 'my-stack', 'dev', '--local', '--detailed-exitcode'], {}, cwd)).code).toBe(0);
    expect((await deploy(['teardown', 'my-stack', 'dev', '--local', '--yes'], {}, cwd)).code).toBe(0);
    const gone = await deploy(['test', 'my-stack', 'dev', '--local', '--json'], {}, cwd);
    expect(gone.code).toBe(1);
    const report = JSON.parse(gone.stdout.trim().split('\n').pop() as string) as { results: unknown[] };
    expect(report).toMatchObject({ type: 'test_report', passed: false });
    expect(report.results[0]).toEqual({ resource: 'example_vpc', outcome: 'failed', detail: 'it does not exist' });
  });

  it('init refuses an existing directory and other providers', async () => {
    const cwd = workdir();
    expect((await deploy(['init', 'a'], {}, cwd)).code).toBe(0);
    expect((await deploy(['init', 'a'], {}, cwd)).stderr).toContain('[StackExists]');
    expect((await deploy(['init', 'b', '--provider', 'azure'], {}, cwd)).stderr).toContain(
      "--provider must be aws or awscc, got 'azure'",
    );
  });

  it('build --dry-run plans and changes nothing; --show-queries prints each query with its origin', async () => {
    const cwd = workdir();
    await deploy(['init', 's'], {}, cwd);
    const dry = await deploy(['build', 's', 'dev', '--local', '--dry-run', '--show-queries'], {}, cwd);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Plan: 3 to create');
    expect(dry.stdout).toContain('Dry run: nothing was changed.');
    expect(dry.stderr).toContain(
      's/resources/example_bucket.iql:2 (example_bucket)\nSELECT COUNT(*) AS count FROM aws.s3.buckets',
    );
    const plan = await deploy(['plan', 's', 'dev', '--local', '--json'], {}, cwd);
    expect(eventsOf(plan, 'plan_ready')[0]?.plan.summary.create).toBe(3);
  });

  it('takes stackql-deploy --on-failure words and reads .env by default', async () => {
    const cwd = workdir();
    await deploy(['init', 's'], {}, cwd);
    writeFileSync(join(cwd, '.env'), 'AWS_REGION=eu-west-1\n');
    const run = await deploy(['build', 's', 'dev', '--local', '--on-failure', 'ignore', '--json'], {}, cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(eventsOf(run, 'plan_ready')[0]?.plan.resources.map((r) => r.region)).toEqual([
      'eu-west-1',
      'eu-west-1',
      'eu-west-1',
    ]);
    const bad = await deploy(['build', 's', 'dev', '--local', '--on-failure', 'maybe'], {}, cwd);
    expect(bad.stderr).toContain("--on-failure must be stop, continue or rollback, got 'maybe'");
  });

  it('info says which versions run', async () => {
    const run = await deploy(['info']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/SQL engine: SQLite 3\.\d+\.\d+ \(sql\.js \d+\.\d+\.\d+\)/);
  });
});
