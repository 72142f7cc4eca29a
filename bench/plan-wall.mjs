// The wall time of a no-change plan, the bar of issue 11 (≤ 1.10 × ⌈N / 10⌉ × 0.1 s): a synthetic
// stack (bench/lib/scale-stacks.mjs) applied once, then planned again and again, each plan a fresh
// CLI process (spawn to exit) against `deploy local-cloud` in its own process answering reads after
// --read-latency ms. Only the plan runs here, so many runs fit in the time bench/scale.mjs takes for
// one; with --against DIR (another checkout, built) the runs alternate between the two builds, each
// against a local cloud of its own build, which is how a change of a few tens of milliseconds shows
// through this machine's drift.
// Usage: node bench/plan-wall.mjs [--size 300] [--shape wide] [--runs 7] [--read-latency 100] [--against DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { makeStack } from './lib/scale-stacks.mjs';

const { values: flags } = parseArgs({
  options: {
    size: { type: 'string', default: '300' },
    shape: { type: 'string', default: 'wide' },
    runs: { type: 'string', default: '7' },
    'read-latency': { type: 'string', default: '100' },
    against: { type: 'string' },
  },
});
const here = fileURLToPath(new URL('..', import.meta.url));
const roots = [here, ...(flags.against ? [resolve(flags.against)] : [])];
const size = Number(flags.size);

/** The CLI of `root` on `command`, from spawn to exit: milliseconds. */
function deploy(root, command, stack, url) {
  const args = [
    join(root, 'bin/deploy.js'),
    command,
    stack,
    'dev',
    '--endpoint',
    url,
    '--rate-limit',
    '1000',
    '--json',
  ];
  if (command !== 'plan') args.push('--yes');
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${root}: deploy ${command} exited ${run.status}\n${run.stderr}`);
  return performance.now() - started;
}

const setups = [];
for (const root of roots) {
  const stack = makeStack(flags.shape, size).dir;
  // Each build's own local cloud: the latency a plan sees is part of what is compared.
  const { startLocalCloudProcess } = await import(pathToFileURL(join(root, 'bench/lib/local-cloud.mjs')).href);
  const data = mkdtempSync(join(tmpdir(), 'deploy-plan-wall-'));
  const cloud = await startLocalCloudProcess([
    '--data',
    data,
    '--latency',
    '0',
    '--read-latency',
    flags['read-latency'],
  ]);
  deploy(root, 'apply', stack, cloud.url);
  setups.push({ root, stack, cloud, walls: [] });
}
const load = loadavg()[0];
for (let run = 0; run < Number(flags.runs); run++) {
  for (const setup of setups) setup.walls.push(deploy(setup.root, 'plan', setup.stack, setup.cloud.url));
}
for (const { cloud } of setups) await cloud.stop();

const bar = 1.1 * Math.ceil(size / 10) * Number(flags['read-latency']);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`no-change plan of ${size} ${flags.shape}, reads at ${flags['read-latency']} ms: bar ${bar.toFixed(0)} ms`);
for (const { root, walls } of setups) {
  const name = root === here ? 'this checkout' : root;
  console.log(
    `${name}: median ${median(walls).toFixed(0)} ms, min ${Math.min(...walls).toFixed(0)} ms ` +
      `(${walls.map((w) => w.toFixed(0)).join(' ')})`,
  );
}
console.log(`load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}, node ${process.version}`);

// Node reads the certificates NODE_EXTRA_CA_CERTS names while it starts, before any JavaScript
// runs (a sandbox may point it at the whole system bundle): every plan above pays that, whatever
// the CLI does. Shown, so a reader can tell the machine's share from the CLI's.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const start = (env) => {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env });
    return performance.now() - started;
  };
  const without = { ...process.env };
  delete without.NODE_EXTRA_CA_CERTS;
  const withIt = [];
  const withoutIt = [];
  for (let run = 0; run < 9; run++) {
    withIt.push(start(process.env));
    withoutIt.push(start(without));
  }
  console.log(
    `NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}): \`node -e 0\` takes ` +
      `${median(withIt).toFixed(0)} ms with it, ${median(withoutIt).toFixed(0)} ms without (medians of 9)`,
  );
}
