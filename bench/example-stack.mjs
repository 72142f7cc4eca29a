// The example stack end to end against the local cloud (latency 0): wall time of apply, of a
// plan with no changes, and of teardown, each a fresh CLI process, median of N rounds.
// Usage: node bench/example-stack.mjs [rounds=5]   (after npm ci)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 5);

function timed(args) {
  const started = process.hrtime.bigint();
  const out = spawnSync(process.execPath, ['bin/deploy.js', ...args], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`deploy ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const times = { apply: [], 'plan (no changes)': [], teardown: [] };
for (let i = 0; i < rounds; i++) {
  const stack = join(mkdtempSync(join(tmpdir(), 'deploy-bench-')), 'websocket-api');
  cpSync(join(root, 'examples', 'websocket-api'), stack, { recursive: true });
  times.apply.push(timed(['apply', stack, 'dev', '--local', '--yes']));
  times['plan (no changes)'].push(timed(['plan', stack, 'dev', '--local']));
  times.teardown.push(timed(['teardown', stack, 'dev', '--local', '--yes']));
}
for (const [what, list] of Object.entries(times)) {
  list.sort((a, b) => a - b);
  console.log(
    `examples/websocket-api ${what.padEnd(18)} median ${list[Math.floor(list.length / 2)].toFixed(0)} ms  (9 resources, ${rounds} rounds)`,
  );
}
