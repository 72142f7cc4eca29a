// Time to the first cloud request: a no-change plan of a synthetic stack (bench/lib/scale-stacks.mjs)
// against `deploy local-cloud` at zero latency, each run a fresh CLI process. Everything before the
// first request is process start-up, loading, rendering and validating the stack (every local check
// comes before any cloud call), so this is the part of a run the cloud's latency cannot hide.
// Reports, at the moment the first HTTP request starts, the wall time since the process began and
// the CPU it had used (CPU is the steadier number on a loaded machine), and the peak RSS of the run.
// With --against DIR (another checkout, built), runs alternate between the two builds.
// Usage: node bench/first-request.mjs [--sizes 300,1000] [--shapes wide] [--runs 5] [--against DIR]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeStack } from './lib/scale-stacks.mjs';

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '300,1000' },
    shapes: { type: 'string', default: 'wide' },
    runs: { type: 'string', default: '5' },
    against: { type: 'string' },
  },
});
const here = fileURLToPath(new URL('..', import.meta.url));
const roots = [here, ...(flags.against ? [resolve(flags.against)] : [])];

// Loaded before the CLI: when the first HTTP request starts, writes the time since the process
// began and the CPU used so far to the file DEPLOY_BENCH_FIRST names; at exit, the peak RSS.
const PROBE = `
import dc from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
const out = process.env.DEPLOY_BENCH_FIRST;
let seen = false;
dc.subscribe('http.client.request.start', () => {
  if (seen) return;
  seen = true;
  const u = process.cpuUsage();
  appendFileSync(out, JSON.stringify({ wall: performance.now(), cpu: (u.user + u.system) / 1000 }) + '\\n');
});
process.on('exit', () => appendFileSync(out, JSON.stringify({ rss: process.resourceUsage().maxRSS / 1024 }) + '\\n'));
`;
const preload = `data:text/javascript,${encodeURIComponent(PROBE)}`;

function startCloud() {
  const data = mkdtempSync(join(tmpdir(), 'deploy-first-cloud-'));
  const child = spawn(process.execPath, ['bin/deploy.js', 'local-cloud', '--port', '0', '--data', data], {
    cwd: here,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const url = /listening on (\S+)/.exec(text)?.[1];
      if (url) done({ url, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => fail(new Error(`local-cloud exited ${code}`)));
  });
}

function deploy(root, command, dir, url) {
  const out = join(mkdtempSync(join(tmpdir(), 'deploy-first-')), 'probe');
  const args = ['--import', preload, 'bin/deploy.js', command, dir, 'dev', '--endpoint', url, '--json'];
  const run = spawnSync(
    process.execPath,
    [...args, '--rate-limit', '1000', ...(command === 'apply' ? ['--yes'] : [])],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEPLOY_BENCH_FIRST: out },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (run.status !== 0) {
    const said = `${run.stderr}${String(run.stdout).split('\n').slice(-3).join('\n')}`;
    throw new Error(`deploy ${command} in ${root} exited ${run.status}: ${said}`);
  }
  const lines = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  rmSync(out);
  return Object.assign({}, ...lines);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = [loadavg()[0]];
console.log('| stack | build | first request: wall ms (median, min) | CPU ms (median, min) | peak RSS MB |');
console.log('|---|---|---|---|---|');
for (const size of flags.sizes.split(',').map(Number)) {
  for (const shape of flags.shapes.split(',')) {
    // A cloud per stack: the local cloud's identifiers repeat from one stack to the next.
    const cloud = await startCloud();
    try {
      const { dir } = makeStack(shape, size);
      deploy(here, 'apply', dir, cloud.url); // so that the plan reads every resource
      const results = roots.map(() => []);
      for (let i = 0; i < Number(flags.runs); i++) {
        roots.forEach((root, r) => results[r].push(deploy(root, 'plan', dir, cloud.url)));
      }
      roots.forEach((root, r) => {
        const of = (key) => results[r].map((x) => x[key]);
        const cell = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)})`;
        const rss = Math.max(...of('rss')).toFixed(0);
        console.log(
          `| ${shape} ${size} | ${root === here ? 'this' : root} | ${cell(of('wall'))} | ${cell(of('cpu'))} | ${rss} |`,
        );
      });
    } finally {
      cloud.stop();
    }
  }
}
load.push(loadavg()[0]);
console.log(`\nload average ${load.map((l) => l.toFixed(2)).join(' → ')}; ${flags.runs} runs each`);
