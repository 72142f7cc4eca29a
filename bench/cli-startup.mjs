// Cold start of the CLI: wall time of `deploy --help` and `deploy validate` on the example,
// each a fresh node process (no warm module cache). Run after `npm ci` (it builds dist/).
// Usage: node bench/cli-startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 20);

function measure(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const out = spawnSync(process.execPath, ['bin/deploy.js', ...args], { cwd: root, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (out.status !== 0) throw new Error(`deploy ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { median: at(0.5), p90: at(0.9), min: times[0] };
}

const baseline = (() => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
})();

const fmt = (n) => `${n.toFixed(0)} ms`;
console.log(`node -e 0 (floor)                         median ${fmt(baseline)}`);
for (const args of [['--help'], ['validate', 'examples/websocket-api', 'dev']]) {
  const r = measure(args);
  console.log(
    `deploy ${args.join(' ').padEnd(36)} median ${fmt(r.median)}  p90 ${fmt(r.p90)}  min ${fmt(r.min)}  (${runs} runs)`,
  );
}
