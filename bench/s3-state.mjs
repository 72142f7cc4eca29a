// State in S3 against state in files: apply, no-change plan and teardown of a wide synthetic
// stack (bench/lib/scale-stacks.mjs), each a fresh CLI process against a `deploy local-cloud`
// process with 200 ms per mutation, 100 ms per read and S3 requests at --s3-latency (default
// 30 ms, a same-region round trip). Prints wall seconds per phase for each backend and what S3
// state adds.
//
// Usage: node bench/s3-state.mjs [--sizes 10,100,300] [--s3-latency 30] [--parallelism 10]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeStack } from './lib/scale-stacks.mjs';
import { startLocalCloudProcess } from './lib/local-cloud.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,300' },
    's3-latency': { type: 'string', default: '30' },
    parallelism: { type: 'string', default: '10' },
  },
});

function startCloud() {
  const data = mkdtempSync(join(tmpdir(), 'deploy-s3-bench-'));
  const latencies = ['--latency', '200', '--read-latency', '100', '--s3-latency', flags['s3-latency']];
  return startLocalCloudProcess(['--data', data, '--bucket', 'bench', ...latencies]);
}

function run(command, dir, url, state) {
  const args = ['bin/deploy.js', command, dir, 'dev', '--endpoint', url, '--rate-limit', '1000'];
  args.push('--parallelism', flags.parallelism, '--state', state);
  if (command !== 'plan') args.push('--yes');
  const started = process.hrtime.bigint();
  const out = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, CI: 'true' } });
  if (out.status !== 0) throw new Error(`${command} (${state}) exited ${out.status}: ${out.stdout}${out.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const cloud = await startCloud();
try {
  console.log(`load average ${loadavg()[0].toFixed(2)}; S3 latency ${flags['s3-latency']} ms; p${flags.parallelism}`);
  console.log('| N | state | apply s | plan s | teardown s |');
  console.log('|---|---|---|---|---|');
  for (const n of flags.sizes.split(',').map(Number)) {
    const walls = {};
    for (const state of ['file', `s3://bench/n${n}`]) {
      const { dir } = makeStack('wide', n);
      walls[state] = ['apply', 'plan', 'teardown'].map((c) => run(c, dir, cloud.url, state));
      console.log(
        `| ${n} | ${state === 'file' ? 'file' : 's3'} | ${walls[state].map((w) => w.toFixed(2)).join(' | ')} |`,
      );
    }
  }
} finally {
  await cloud.stop();
}
