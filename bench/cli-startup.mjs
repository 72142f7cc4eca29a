// Cold start of the CLI: `deploy --help`, `deploy --version`, `deploy completion bash` (none of
// which may load the engine, the UI, the SDK or the emulator) and `deploy validate` on the example,
// each a fresh node process (no warm module cache). Run after `npm ci` (it builds dist/).
//
// Wall time swings with the machine's load, so each run also reports the CPU time (user + system)
// the node process spent, measured inside it at exit, which load disturbs far less.
// With --against DIR (another checkout, built), runs alternate between the two builds, so both
// see the same load: `node bench/cli-startup.mjs 30 --against ../main`.
// Usage: node bench/cli-startup.mjs [runs] [--against DIR]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const against = args.includes('--against') ? resolve(args[args.indexOf('--against') + 1]) : undefined;
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const roots = [fileURLToPath(new URL('..', import.meta.url)), ...(against ? [against] : [])];

// Loaded before the CLI: at exit, writes the process's CPU time (µs) to fd 3.
const REPORT_CPU =
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(3, String(u.user + u.system)); });";
const preload = `data:text/javascript,${encodeURIComponent(REPORT_CPU)}`;

function once(root, argv) {
  const started = process.hrtime.bigint();
  const out = spawnSync(process.execPath, ['--import', preload, ...argv], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  return { wall, cpu: Number(out.output[3]) / 1000, status: out.status, stderr: out.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
const fmt = (n) => `${n.toFixed(0).padStart(4)} ms`;

function measure(argv) {
  const samples = roots.map(() => ({ wall: [], cpu: [], failed: undefined }));
  for (let i = 0; i < runs; i++) {
    roots.forEach((root, r) => {
      const s = samples[r];
      if (s.failed) return;
      const run = once(root, argv);
      if (run.status !== 0) s.failed = `exit ${run.status}: ${run.stderr.trim().split('\n')[0]}`;
      s.wall.push(run.wall);
      s.cpu.push(run.cpu);
    });
  }
  return samples;
}

const cases = [
  ['node -e 0 (floor)', ['-e', '0']],
  ['deploy --help', ['bin/deploy.js', '--help']],
  ['deploy --version', ['bin/deploy.js', '--version']],
  ['deploy completion bash', ['bin/deploy.js', 'completion', 'bash']],
  ['deploy validate examples/websocket-api dev', ['bin/deploy.js', 'validate', 'examples/websocket-api', 'dev']],
];
console.log(`${runs} runs each${against ? `, alternating with ${against}` : ''}; median (min)`);
for (const [label, argv] of cases) {
  const results = measure(argv);
  results.forEach((s, r) => {
    const name = r === 0 ? label : '';
    const which = against ? (r === 0 ? 'this build ' : 'against    ') : '';
    const line = s.failed
      ? `fails (${s.failed})`
      : `wall ${fmt(median(s.wall))} (${fmt(min(s.wall))})   cpu ${fmt(median(s.cpu))} (${fmt(min(s.cpu))})`;
    console.log(`${name.padEnd(44)} ${which}${line}`);
  });
}
if (!existsSync(resolve(roots[0], 'dist/bin/main.js')))
  console.log('(dist/bin/ is missing: run npm ci or npm run build)');
