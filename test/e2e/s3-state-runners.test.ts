/**
 * Two CI runners sharing state in S3, as separate OS processes: a `deploy local-cloud` process
 * serves Cloud Control and S3, and each runner is its own `deploy` process on its own checkout
 * (nothing shared but the endpoint and the bucket). A runner on "another host" runs in its own
 * UTS namespace with its own host name (unshare), so it cannot see the other's processes and
 * must wait for the lease, as a runner on another machine would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { inventoryAt } from '../../bench/lib/inventory.mjs';
import { tempStack } from './harness.js';

const BIN = resolve(import.meta.dirname, '../../bin/deploy.js');
const BUCKET = 'team-state';
const STATE = `s3://${BUCKET}/ci`;
const LOCK_KEY = 'ci/websocket-api/dev/lock.json';
const STATE_KEY = 'ci/websocket-api/dev/state.json';
/** Whether this machine lets us give a process another host name (root, or user namespaces). */
const CAN_UNSHARE = spawnSync('unshare', ['--uts', 'true']).status === 0;

interface Run {
  code: number | null;
  out: string;
  pid: number;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** `deploy local-cloud` in its own process, with the state bucket; resolves to its URL. */
async function localCloud(latencyMs: number): Promise<{ url: string; s3: S3Client }> {
  const data = mkdtempSync(join(tmpdir(), 'deploy-runners-'));
  const args = [BIN, 'local-cloud', '--port', '0', '--data', data, '--bucket', BUCKET, '--latency', `${latencyMs}`];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) done(found[1] as string);
    });
    child.on('exit', () => fail(new Error(`local-cloud exited: ${out}`)));
  });
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { url, s3 };
}

/** One runner: `deploy …` as its own process; `host` runs it under another host name. */
function runner(
  args: string[],
  options: { host?: string | undefined; env?: Record<string, string> } = {},
): {
  child: ChildProcess;
  done: Promise<Run>;
} {
  const deploy = [process.execPath, BIN, ...args];
  const [file, argv] = options.host
    ? ['unshare', ['--uts', 'sh', '-c', `hostname ${options.host} && exec "$@"`, 'sh', ...deploy]]
    : [deploy[0] as string, deploy.slice(1)];
  const child = spawn(file, argv, { env: { ...process.env, CI: 'true', ...options.env } });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, out, pid: child.pid ?? 0 })));
  return { child, done };
}

const run = (args: string[], options: Parameters<typeof runner>[1] = {}): Promise<Run> => runner(args, options).done;

async function objectText(s3: S3Client, key: string): Promise<string | undefined> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return await out.Body?.transformToString();
  } catch {
    return undefined;
  }
}

function stateOf(text: string | undefined): {
  resources: Record<string, { type: string; identifier: string }>;
  pending: unknown[];
} {
  return text === undefined ? { resources: {}, pending: [] } : (JSON.parse(text) as ReturnType<typeof stateOf>);
}

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('two runners, separate processes, state in the local S3', () => {
  it(
    'one applies; the other, from its own checkout, plans no changes and tears down',
    { timeout: 60_000 },
    async () => {
      const { url, s3 } = await localCloud(0);
      const where = ['--endpoint', url, '--state', STATE];
      const applied = await run(['apply', tempStack(), 'dev', ...where, '--yes']);
      expect(applied.code, applied.out).toBe(0);
      expect(applied.out).toContain('Apply complete: 9 created');

      const other = tempStack();
      const plan = await run(['plan', other, 'dev', ...where]);
      expect(plan.code, plan.out).toBe(0);
      expect(plan.out).toContain('No changes.');
      const teardown = await run(['teardown', other, 'dev', ...where, '--yes']);
      expect(teardown.code, teardown.out).toBe(0);
      expect(teardown.out).toMatch(/9 deleted/);
      expect(stateOf(await objectText(s3, STATE_KEY))).toMatchObject({ resources: {}, pending: [] });
    },
  );

  it('of two concurrent applies, one refuses naming the other process', { timeout: 60_000 }, async () => {
    const { url } = await localCloud(200);
    const where = ['--endpoint', url, '--state', STATE, '--yes'];
    const runs = await Promise.all([
      run(['apply', tempStack(), 'dev', ...where]),
      run(['apply', tempStack(), 'dev', ...where]),
    ]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    const [refused, winner] = runs[0]?.code === 1 ? runs : [...runs].reverse();
    expect(refused?.out).toContain(`locked by ${winner?.pid}@${hostname()} running "apply"`);
    expect(winner?.out).toContain('Apply complete: 9 created');
  });

  it('kill -9 of the holder on this host: the next run takes over at once', { timeout: 60_000 }, async () => {
    const { url, s3 } = await localCloud(300);
    const where = ['--endpoint', url, '--state', STATE, '--yes'];
    const holder = runner(['apply', tempStack(), 'dev', ...where, '--parallelism', '1']);
    // Killed in the middle: one resource recorded, the next one's create on its way.
    await until(async () => Object.keys(stateOf(await objectText(s3, STATE_KEY)).resources).length > 0);
    holder.child.kill('SIGKILL');
    expect((await holder.done).code).toBe(null);

    const next = await run(['apply', tempStack(), 'dev', ...where]);
    expect(next.code, next.out).toBe(0);
    expect(next.out).toContain(`took over the lock of ${holder.child.pid}@${hostname()}`);
    expect(next.out).toContain('that process no longer runs on this host');
    const state = stateOf(await objectText(s3, STATE_KEY));
    expect(state.pending).toEqual([]);
    // Exactly what the state records exists: nothing the killed run started was made twice.
    const recorded = Object.values(state.resources).map((r) => `${r.type} ${r.identifier}`);
    expect(recorded).toHaveLength(9);
    expect(await inventoryAt(url)).toEqual(new Set(recorded));
  });

  it.skipIf(!CAN_UNSHARE)(
    'kill -9 of the holder seen from another host: refused while its lease runs, taken over when it expires',
    { timeout: 90_000 },
    async () => {
      const { url, s3 } = await localCloud(300);
      const where = ['--endpoint', url, '--state', STATE, '--yes'];
      const lease = { DEPLOY_LOCK_LEASE_SECONDS: '4' };
      const holder = runner(['apply', tempStack(), 'dev', ...where, '--parallelism', '1'], { env: lease });
      await until(async () => (await objectText(s3, LOCK_KEY)) !== undefined);
      holder.child.kill('SIGKILL');
      await holder.done;
      const owner = `${holder.child.pid}@${hostname()}`;

      const refused = await run(['apply', tempStack(), 'dev', ...where], { host: 'ci-runner-2' });
      expect(refused.code, refused.out).toBe(1);
      expect(refused.out).toContain(`locked by ${owner}`);

      const waited = await run(['apply', tempStack(), 'dev', ...where, '--lock-timeout', '30'], {
        host: 'ci-runner-2',
      });
      expect(waited.code, waited.out).toBe(0);
      expect(waited.out).toContain(`took over the lock of ${owner}`);
      expect(waited.out).toContain('its lease expired');
      const lock = await objectText(s3, LOCK_KEY);
      expect(lock).toBeUndefined();
    },
  );

  it('a run whose lock was taken from it cannot write the state', { timeout: 60_000 }, async () => {
    const { url, s3 } = await localCloud(400);
    const where = ['--endpoint', url, '--state', STATE];
    const slow = runner(['apply', tempStack(), 'dev', ...where, '--yes', '--parallelism', '1']);
    await until(async () => (await objectText(s3, LOCK_KEY)) !== undefined);
    const unlocked = await run(['unlock', tempStack(), 'dev', ...where]);
    expect(unlocked.out).toContain(`Removed the lock held by ${slow.child.pid}@${hostname()}`);
    // Another runner takes the lock and keeps it while the first one's next write comes due.
    const other = runner(['apply', tempStack(), 'dev', ...where, '--yes', '--parallelism', '1']);
    const first = await slow.done;
    expect(first.code).toBe(1);
    expect(first.out).toContain('no longer holds its lock and records nothing more');
    expect((await other.done).code).toBe(0);
  });

  it(
    'a second Ctrl-C leaves at once but frees the lock, so another host need not wait',
    { timeout: 60_000 },
    async () => {
      const { url, s3 } = await localCloud(400);
      const where = ['--endpoint', url, '--state', STATE, '--yes', '--parallelism', '1'];
      const holder = runner(['apply', tempStack(), 'dev', ...where]);
      await until(async () => Object.keys(stateOf(await objectText(s3, STATE_KEY)).resources).length > 0);
      holder.child.kill('SIGINT');
      setTimeout(() => holder.child.kill('SIGINT'), 20);
      expect((await holder.done).code).toBe(130);
      expect(await objectText(s3, LOCK_KEY)).toBeUndefined();
      const next = await run(['apply', tempStack(), 'dev', ...where], {
        host: CAN_UNSHARE ? 'ci-runner-2' : undefined,
      });
      expect(next.code, next.out).toBe(0);
      expect(stateOf(await objectText(s3, STATE_KEY)).pending).toEqual([]);
    },
  );
});
