/**
 * State kept in S3 (`--state s3://…`), shared by separate checkouts of a stack through the
 * local cloud's S3 subset, exactly as two CI runners would share a bucket.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { startCloud } from '../emulator/helpers.js';
import { deploy, editManifest, eventsOf, tempStack } from './harness.js';

const STATE = 's3://team-state/ci';
const STATE_KEY = 'ci/websocket-api/dev/state.json';
const LOCK_KEY = 'ci/websocket-api/dev/lock.json';

async function cloudWithBucket(): Promise<{ url: string; s3: S3Client }> {
  const cloud = await startCloud();
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: cloud.url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await s3.send(new CreateBucketCommand({ Bucket: 'team-state' }));
  return { url: cloud.url, s3 };
}

async function objectText(s3: S3Client, key: string): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: 'team-state', Key: key }));
  return (await out.Body?.transformToString()) ?? '';
}

function lockBody(owner: { pid: number; host: string }, expiresAt: Date): string {
  return JSON.stringify({
    owner: `${owner.pid}@${owner.host}`,
    pid: owner.pid,
    host: owner.host,
    command: 'deploy apply',
    acquiredAt: new Date(expiresAt.getTime() - 30_000).toISOString(),
    expiresAt: expiresAt.toISOString(),
    token: 'other-runner-token',
  });
}

describe('--state s3://', () => {
  it('two checkouts share one state: one applies, the other sees no changes and tears down', async () => {
    const { url, s3 } = await cloudWithBucket();
    const first = tempStack();
    const second = tempStack();
    const where = ['--endpoint', url, '--state', STATE];

    expect((await deploy(['apply', first, 'dev', ...where, '--yes'])).code).toBe(0);
    const state = JSON.parse(await objectText(s3, STATE_KEY)) as { resources: Record<string, unknown> };
    expect(Object.keys(state.resources)).toHaveLength(9);
    expect(existsSync(join(first, '.deploy', 'dev', 'state.json'))).toBe(false);

    // DEPLOY_STATE is the same as --state.
    const plan = await deploy(['plan', second, 'dev', '--endpoint', url, '--json'], { DEPLOY_STATE: STATE });
    expect(eventsOf(plan, 'plan_ready')[0]?.plan.summary).toMatchObject({ create: 0, update: 0, delete: 0, noop: 9 });

    const teardown = await deploy(['teardown', second, 'dev', ...where, '--yes', '--json']);
    expect(teardown.code).toBe(0);
    expect(eventsOf(teardown, 'plan_ready')[0]?.plan.summary.delete).toBe(9);
    expect(JSON.parse(await objectText(s3, STATE_KEY))).toMatchObject({ resources: {}, pending: [] });
    // The lock object is gone once the run ends.
    await expect(objectText(s3, LOCK_KEY)).rejects.toThrow();

    const again = await deploy(['plan', first, 'dev', ...where, '--json']);
    expect(eventsOf(again, 'plan_ready')[0]?.plan.summary.create).toBe(9);
  });

  it('of two concurrent applies, one refuses, naming the owner', async () => {
    const { url } = await cloudWithBucket();
    const where = ['--endpoint', url, '--state', STATE, '--yes'];
    const runs = await Promise.all([
      deploy(['apply', tempStack(), 'dev', ...where]),
      deploy(['apply', tempStack(), 'dev', ...where]),
    ]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    const refused = runs.find((r) => r.code === 1);
    expect(refused?.stderr).toContain(`locked by ${process.pid}@${hostname()} running "apply"`);
  });

  it("refuses while another host's lease runs, and takes over one that expired", async () => {
    const { url, s3 } = await cloudWithBucket();
    const stack = tempStack();
    const where = ['--endpoint', url, '--state', STATE, '--yes', '--json'];
    const other = { pid: 4242, host: 'ci-runner-7' };
    await s3.send(
      new PutObjectCommand({
        Bucket: 'team-state',
        Key: LOCK_KEY,
        Body: lockBody(other, new Date(Date.now() + 60_000)),
      }),
    );
    const refused = await deploy(['apply', stack, 'dev', ...where]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('locked by 4242@ci-runner-7');
    const unlocked = await deploy(['unlock', stack, 'dev', '--endpoint', url, '--state', STATE]);
    expect(unlocked.stdout).toContain('Removed the lock held by 4242@ci-runner-7');
    await expect(objectText(s3, LOCK_KEY)).rejects.toThrow();

    await s3.send(
      new PutObjectCommand({ Bucket: 'team-state', Key: LOCK_KEY, Body: lockBody(other, new Date(Date.now() - 1)) }),
    );
    const run = await deploy(['apply', stack, 'dev', ...where]);
    expect(run.code).toBe(0);
    expect(eventsOf(run, 'warning').map((w) => w.message)).toContainEqual(
      expect.stringContaining('took over the lock of 4242@ci-runner-7'),
    );
  });
});

describe('--state s3:// after a kill -9', () => {
  it('takes over at once the lock of a process gone from this host, before its lease ends', async () => {
    const { url, s3 } = await cloudWithBucket();
    const gone = { pid: spawnSync(process.execPath, ['-e', '']).pid, host: hostname() };
    await s3.send(
      new PutObjectCommand({
        Bucket: 'team-state',
        Key: LOCK_KEY,
        Body: lockBody(gone, new Date(Date.now() + 60_000)),
      }),
    );
    const run = await deploy(['apply', tempStack(), 'dev', '--endpoint', url, '--state', STATE, '--yes', '--json']);
    expect(run.code).toBe(0);
    expect(eventsOf(run, 'warning').map((w) => w.message)).toContainEqual(
      expect.stringContaining(`took over the lock of ${gone.pid}@${hostname()}`),
    );
  });
});

describe('deploy state', () => {
  it('pull, push and pull again round-trip byte for byte; file state moves to S3 and back', async () => {
    const { url } = await cloudWithBucket();
    const stack = tempStack();
    expect((await deploy(['apply', stack, 'dev', '--endpoint', url, '--yes'])).code).toBe(0);
    const fromFile = await deploy(['state', 'pull', stack, 'dev']);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ stack: 'websocket-api', env: 'dev' });

    const file = join(stack, 'pulled.json');
    writeFileSync(file, fromFile.stdout);
    const s3 = ['--endpoint', url, '--state', STATE];
    expect((await deploy(['state', 'push', stack, 'dev', file, ...s3])).code).toBe(0);
    const fromS3 = await deploy(['state', 'pull', stack, 'dev', ...s3]);
    expect(fromS3.stdout).toBe(fromFile.stdout);

    // Another checkout now plans from S3 and sees everything in place.
    const plan = await deploy(['plan', tempStack(), 'dev', ...s3, '--json']);
    expect(eventsOf(plan, 'plan_ready')[0]?.plan.summary).toMatchObject({ create: 0, noop: 9 });

    const other = await deploy(['state', 'push', stack, 'prd', file, ...s3]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('holds the state of websocket-api (dev), not of websocket-api (prd)');
  });

  it('rm forgets without deleting (plan finds it again); mv renames; list and show read it', async () => {
    const { url } = await cloudWithBucket();
    const stack = tempStack();
    const s3 = ['--endpoint', url, '--state', STATE];
    expect((await deploy(['apply', stack, 'dev', ...s3, '--yes'])).code).toBe(0);
    const list = await deploy(['state', 'list', stack, 'dev', ...s3]);
    const names = list.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t')[0]);
    expect(names).toHaveLength(9);
    const name = names[0] as string;
    const shown = JSON.parse((await deploy(['state', 'show', stack, 'dev', name, ...s3])).stdout) as {
      identifier: string;
    };

    expect((await deploy(['state', 'rm', stack, 'dev', name, ...s3])).code).toBe(0);
    expect((await deploy(['state', 'list', stack, 'dev', ...s3])).stdout).not.toContain(`${name}\t`);
    const plan = await deploy(['plan', stack, 'dev', ...s3, '--json']);
    const change = eventsOf(plan, 'plan_ready')[0]?.plan.resources.find((r) => r.resource === name);
    // Still in the cloud, not in the state: the api is found by its exists query, unchanged.
    expect(name).toBe('api');
    expect(change).toMatchObject({ action: 'noop', identifier: shown.identifier });

    expect((await deploy(['state', 'mv', stack, 'dev', names[1] as string, 'renamed', ...s3])).code).toBe(0);
    const after = (await deploy(['state', 'list', stack, 'dev', ...s3])).stdout;
    expect(after).toContain('renamed\t');
    expect(after).not.toContain(`${names[1] as string}\t`);
    const missing = await deploy(['state', 'rm', stack, 'dev', 'nothing-like-it', ...s3]);
    expect(missing.stderr).toContain('nothing-like-it is not recorded');
  });
});

describe('where state lives', () => {
  it("the manifest's state: key puts it in S3 for every checkout; --state file keeps one run local", async () => {
    const { url, s3 } = await cloudWithBucket();
    const withKey = (): string => {
      const stack = tempStack();
      editManifest(stack, (text) => `state: ${STATE}\n${text}`);
      return stack;
    };
    const stack = withKey();
    expect((await deploy(['apply', stack, 'dev', '--endpoint', url, '--yes'])).code).toBe(0);
    expect(Object.keys((JSON.parse(await objectText(s3, STATE_KEY)) as { resources: object }).resources)).toHaveLength(
      9,
    );
    expect(existsSync(join(stack, '.deploy', 'dev', 'state.json'))).toBe(false);

    // Another checkout with the same manifest reads the same state.
    const shared = await deploy(['plan', withKey(), 'dev', '--endpoint', url, '--json']);
    expect(eventsOf(shared, 'plan_ready')[0]?.plan.summary).toMatchObject({ create: 0, noop: 9 });
    // --state file: this run reads the checkout's own (empty) files instead.
    const local = await deploy(['plan', stack, 'dev', '--endpoint', url, '--state', 'file', '--json']);
    expect(eventsOf(local, 'plan_ready')[0]?.plan.summary.create).toBeGreaterThan(0);
  });

  it('AWS_ENDPOINT_URL_S3 that is not a URL is named when the state is in S3, and only then', async () => {
    const stack = tempStack();
    const env = { AWS_ENDPOINT_URL_S3: 'state.internal' };
    const bad = await deploy(['plan', stack, 'dev', '--local', '--state', STATE], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      "error [InvalidOption]: AWS_ENDPOINT_URL_S3 must be an http:// or https:// URL, got 'state.internal'",
    );
    expect(bad.stderr).not.toContain('internal error');
    expect((await deploy(['plan', stack, 'dev', '--local'], env)).code).toBe(0);
  });

  it('a missing bucket is a clear error before anything changes; --local creates its own', async () => {
    const { url } = await cloudWithBucket();
    const stack = tempStack();
    const missing = await deploy([
      'apply',
      stack,
      'dev',
      '--endpoint',
      url,
      '--state',
      's3://no-such-bucket/ci',
      '--yes',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[StateBucketMissing]: The state bucket no-such-bucket does not exist');
    expect(missing.stderr).toContain('start it with --bucket no-such-bucket');
    expect(missing.stderr).not.toContain('internal error');

    const local = await deploy(['apply', stack, 'dev', '--local', '--state', 's3://no-such-bucket/ci', '--yes']);
    expect(local.code, local.stderr).toBe(0);
    const plan = await deploy([
      'plan',
      tempStack(),
      'dev',
      '--local-data',
      join(stack, '.deploy', 'local-cloud'),
      '--local',
      '--state',
      's3://no-such-bucket/ci',
    ]);
    expect(plan.stdout).toContain('No changes.');
  });

  it('a fresh state after a teardown creates for real: its intents number from 1 again, their tokens must not repeat', async () => {
    const { url } = await cloudWithBucket();
    const stack = tempStack();
    const where = ['--endpoint', url, '--yes'];
    expect((await deploy(['apply', stack, 'dev', ...where])).code).toBe(0);
    expect((await deploy(['teardown', stack, 'dev', ...where])).code).toBe(0);
    // The same stack again, its state now started afresh in S3.
    expect((await deploy(['apply', stack, 'dev', ...where, '--state', STATE])).code).toBe(0);
    const plan = await deploy(['plan', stack, 'dev', '--endpoint', url, '--state', STATE, '--json']);
    expect(eventsOf(plan, 'plan_ready')[0]?.plan.summary).toMatchObject({ create: 0, noop: 9 });
  });
});
