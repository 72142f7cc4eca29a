// Scale: apply, no-change plan and teardown of synthetic stacks (bench/lib/scale-stacks.mjs),
// wide and layered, each a fresh CLI process against a `deploy local-cloud` process, and one
// table: wall, lower bound (LB), wall / LB, engine CPU per resource, peak RSS, and requests per
// resource by operation. The lower bound of a phase is
//   LB = max(⌈reads / p⌉ × read latency + max(depth × L, ⌈mutations / p⌉ × L), requests / rate)
// (reads are planned before anything is applied). Engine CPU per resource is the CLI process's
// CPU minus that of the same command on a one-resource stack (start-up), divided by N. "fsync"
// is the time the CLI's event loop spent blocked in fsync, and in brackets the number of syncs
// per resource (the ledger's journal syncs off the event loop, concurrent records sharing one).
//
// Usage: node bench/scale.mjs [--sizes 10,100,1000] [--big] [--shapes wide,layered]
//          [--latency 200] [--read-latency 100] [--parallelism 10] [--rate-limit 1000]
//          [--baseline-sizes 10,100]   (sizes also run at --parallelism 1; '' for none)
//          [--runs 3]   (each row the median of 3 runs, a fresh stack and local cloud each; RSS the highest)
//          [--no-fsync]   (the CLI skips fsync: not durable, for analysis of the engine alone)
// --big adds 10,000 resources (several minutes per phase at 200 ms). Run after `npm ci`.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeStack } from './lib/scale-stacks.mjs';
import { startLocalCloudProcess } from './lib/local-cloud.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    big: { type: 'boolean', default: false },
    shapes: { type: 'string', default: 'wide,layered' },
    latency: { type: 'string', default: '200' },
    'read-latency': { type: 'string', default: '100' },
    parallelism: { type: 'string', default: '10' },
    'rate-limit': { type: 'string', default: '1000' },
    'baseline-sizes': { type: 'string', default: '10,100' },
    runs: { type: 'string', default: '1' },
    'no-fsync': { type: 'boolean', default: false },
  },
});
const list = (text) => (text ? text.split(',').map(Number) : []);
const sizes = [...list(flags.sizes), ...(flags.big ? [10_000] : [])];
const shapes = flags.shapes.split(',');
const L = Number(flags.latency) / 1000;
const Lr = Number(flags['read-latency']) / 1000;
const parallelism = Number(flags.parallelism);
const rate = Number(flags['rate-limit']);
const baselineSizes = list(flags['baseline-sizes']);
const PHASES = ['apply', 'plan', 'teardown'];

/** A `deploy local-cloud` process with the bench's latencies; resolves once it listens. */
function startCloud() {
  const data = mkdtempSync(join(tmpdir(), 'deploy-scale-cloud-'));
  return startLocalCloudProcess(['--data', data, '--latency', flags.latency, '--read-latency', flags['read-latency']]);
}

/** One CLI run: wall seconds, CPU ms, peak RSS MB and its run_finished event. */
function deploy(command, stack, cloud, p) {
  const out = join(mkdtempSync(join(tmpdir(), 'deploy-scale-out-')), 'out');
  const usage = `${out}.usage`;
  const fd = openSync(out, 'w');
  const args = [
    '--import',
    './bench/lib/process-usage.mjs',
    'bin/deploy.js',
    command,
    stack,
    'dev',
    '--endpoint',
    cloud.url,
  ];
  args.push('--rate-limit', String(rate), '--parallelism', String(p), '--json');
  if (command !== 'plan') args.push('--yes');
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', fd, 'pipe'],
    env: {
      ...process.env,
      AWS_ENDPOINT_URL_CLOUDCONTROL: undefined,
      DEPLOY_BENCH_USAGE: usage,
      ...(flags['no-fsync'] ? { DEPLOY_BENCH_NO_FSYNC: '1' } : {}),
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(fd);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  const finished = JSON.parse(lines[lines.length - 1]);
  if (run.status !== 0 || finished.type !== 'run_finished' || finished.outcome !== 'success') {
    throw new Error(`deploy ${command} exited ${run.status}: ${lines.slice(-3).join('\n')}\n${run.stderr}`);
  }
  return { wall, ...JSON.parse(readFileSync(usage, 'utf8')), finished };
}

/** The lower bound of a phase (see the header). */
function lowerBound(calls, mutations, depth, p) {
  const reads = (calls.GetResource ?? 0) + (calls.ListResources ?? 0);
  const requests = Object.values(calls).reduce((a, b) => a + b, 0);
  const mutate = mutations === 0 ? 0 : Math.max(depth * L, Math.ceil(mutations / p) * L);
  return Math.max(Math.ceil(reads / p) * Lr + mutate, requests / rate);
}

const SHORT = {
  CreateResource: 'C',
  UpdateResource: 'U',
  DeleteResource: 'D',
  GetResource: 'G',
  ListResources: 'L',
  GetResourceRequestStatus: 'S',
};
const perResource = (calls, n) =>
  Object.entries(calls)
    .map(([op, count]) => `${SHORT[op] ?? op}${+(count / n).toFixed(2)}`)
    .join(' ') || '-';

function phaseRun(shape, count, p, startup) {
  const { dir, depth } = makeStack(shape, count);
  return startCloud().then(async (cloud) => {
    try {
      const row = { shape, count, p, depth };
      for (const phase of PHASES) {
        const r = deploy(phase, dir, cloud, p);
        const calls = r.finished.cloudCalls ?? {};
        const summary = r.finished.summary;
        if (phase === 'plan' && summary.unchanged !== count)
          throw new Error(`plan is not a no-change plan: ${JSON.stringify(summary)}`);
        const mutations = phase === 'plan' ? 0 : count;
        row[phase] = {
          wall: r.wall,
          // From run_started to run_finished: the engine's time, without process start and validation.
          engine: r.finished.durationMs / 1000,
          lb: lowerBound(calls, mutations, depth, p),
          cpu: startup ? (r.cpuMs - startup[phase]) / count : r.cpuMs,
          rss: r.maxRssMb,
          fsync: r.fsyncMs / 1000,
          syncs: r.fsyncs / count,
          calls: perResource(calls, count),
        };
        process.stderr.write(
          `${shape} ${count} p${p} ${phase}: ${r.wall.toFixed(2)} s, LB ${row[phase].lb.toFixed(2)} s, ${r.cpuMs.toFixed(0)} ms CPU, ${r.maxRssMb.toFixed(0)} MB\n`,
        );
      }
      return row;
    } finally {
      await cloud.stop();
    }
  });
}

/** A row measured `--runs` times: the median of each time and CPU, the highest RSS. */
async function measured(shape, count, p, startup) {
  const all = [];
  for (let i = 0; i < Number(flags.runs); i++) all.push(await phaseRun(shape, count, p, startup));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const row = { ...all[0] };
  for (const phase of PHASES) {
    const of = (key) => all.map((r) => r[phase][key]);
    row[phase] = { ...all[0][phase], rss: Math.max(...of('rss')) };
    for (const key of ['wall', 'engine', 'cpu', 'fsync', 'syncs']) row[phase][key] = median(of(key));
  }
  return row;
}

const load = [loadavg()[0]];
process.stderr.write(`load average ${load[0].toFixed(2)}; measuring start-up (1 resource, 3 runs)\n`);
const startup = { apply: Infinity, plan: Infinity, teardown: Infinity };
for (let i = 0; i < 3; i++) {
  const row = await phaseRun('wide', 1, parallelism);
  for (const phase of PHASES) startup[phase] = Math.min(startup[phase], row[phase].cpu);
}
const rows = [];
for (const count of sizes) {
  for (const shape of shapes) {
    rows.push(await measured(shape, count, parallelism, startup));
    if (baselineSizes.includes(count)) rows.push(await measured(shape, count, 1, startup));
  }
}
load.push(loadavg()[0]);

const f = (x, d = 2) => x.toFixed(d);
console.log(
  `\nlocal cloud: ${flags.latency} ms per mutation, ${flags['read-latency']} ms per read; --rate-limit ${rate}; ` +
    `start-up CPU apply/plan/teardown ${PHASES.map((ph) => f(startup[ph], 0)).join('/')} ms (subtracted); ` +
    (flags['no-fsync'] ? 'fsync SKIPPED (--no-fsync); ' : '') +
    `${flags.runs === '1' ? '' : `median of ${flags.runs} runs; `}` +
    `load average ${f(load[0])} → ${f(load[1])} on ${process.platform} node ${process.version}\n`,
);
console.log(
  '| stack | N | p | apply s | LB | ×LB | plan s | LB | ×LB | teardown s | LB | ×LB | CPU ms/res apply · plan · teardown | fsync s (syncs/res) apply · teardown | RSS MB | requests/res apply · plan · teardown |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const cells = [r.shape === 'wide' ? 'wide' : `layered (depth ${r.depth})`, r.count, r.p];
  for (const phase of PHASES) {
    const { wall, engine, lb } = r[phase];
    cells.push(`${f(wall)} (${f(engine)})`, f(lb), `${f(wall / lb)} (${f(engine / lb)})`);
  }
  cells.push(PHASES.map((ph) => f(r[ph].cpu)).join(' · '));
  cells.push(['apply', 'teardown'].map((ph) => `${f(r[ph].fsync, 1)} (${f(r[ph].syncs)})`).join(' · '));
  cells.push(f(Math.max(...PHASES.map((ph) => r[ph].rss)), 0));
  cells.push(PHASES.map((ph) => r[ph].calls).join(' · '));
  console.log(`| ${cells.join(' | ')} |`);
}
console.log(
  '\nwall (engine): the whole CLI process (engine: run_started to run_finished, without process start-up and validation)',
);
console.log('requests: C create, U update, D delete, G GetResource, L ListResources, S GetResourceRequestStatus');
