// Chaos: kill -9 a deploy at random moments of apply and of teardown of the example stack,
// against a local cloud served by a separate process (so the cloud, and the requests in flight,
// outlive the killed run), each kill followed by one ordinary run of the same command. Counts:
//   duplicates      resources of a type beyond what the manifest asks for
//   orphans         resources in the cloud the ledger does not list
//   stale entries   ledger entries whose resource is not in the cloud
//   manual unlocks  re-runs refused by the killed run's lock (then unlocked and run again)
// Usage: node bench/chaos.mjs [kills=20] [latency=300-800] [seed]   (after npm ci, which builds dist/)
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inventoryAt } from './lib/inventory.mjs';
import { startLocalCloudProcess } from './lib/local-cloud.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'deploy.js');

/** A small seeded PRNG (mulberry32), so a run can be repeated with its seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs the CLI. `kill` sends SIGKILL `afterMs` after the start, or `delayMs` after the output
 * first matches `when` (if it is still running then).
 */
export function deploy(args, kill) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    let timer;
    const killIn = (ms) => (timer ??= setTimeout(() => child.kill('SIGKILL'), ms));
    if (kill?.afterMs !== undefined) killIn(kill.afterMs);
    child.stdout.on('data', (c) => {
      stdout += c;
      if (kill?.when?.test(stdout)) killIn(kill.delayMs ?? 0);
    });
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, killed: signal === 'SIGKILL', stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** `deploy local-cloud` in its own process; resolves once it listens. */
export function startCloud(dataDir, latency) {
  return startLocalCloudProcess(['--data', dataDir, '--latency', latency]);
}

/** The ledger as the next run reads it (state.json and journal), through the built engine. */
async function ledgerOf(stack) {
  const { Ledger } = await import(join(ROOT, 'dist', 'state', 'index.js'));
  return new Set(
    Ledger.open(stack, 'dev', 'chaos', { readOnly: true })
      .entries()
      .map((e) => `${e.type} ${e.identifier}`),
  );
}

function countByType(set) {
  const counts = {};
  for (const item of set) counts[item.split(' ')[0]] = (counts[item.split(' ')[0]] ?? 0) + 1;
  return counts;
}

function events(stdout) {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

/** Warnings of a --json run that say an interrupted run's work was adopted or recorded. */
function recoveries(stdout) {
  return events(stdout).filter((e) => e.type === 'warning' && /interrupted run|took over the lock/.test(e.message))
    .length;
}

/** Why a --json run failed, in its own words. */
function failure(run) {
  const errors = events(run.stdout).flatMap((e) => (e.type === 'resource_failed' || e.error ? [e.error.message] : []));
  return [...errors, run.stderr.trim()].filter(Boolean).join('\n    ');
}

export async function chaos({
  kills = 20,
  latency = '300-800',
  seed = Date.now() % 1_000_000,
  log = console.log,
} = {}) {
  const next = random(seed);
  const home = mkdtempSync(join(tmpdir(), 'deploy-chaos-'));
  const stack = join(home, 'stack');
  cpSync(join(ROOT, 'examples', 'websocket-api'), stack, { recursive: true, filter: (p) => !p.includes('.deploy') });
  const cloud = await startCloud(join(home, 'cloud'), latency);
  const command = (verb) => [verb, stack, 'dev', '--endpoint', cloud.url, '--yes', '--json'];
  const totals = {
    kills: 0,
    apply: 0,
    teardown: 0,
    duplicates: 0,
    orphans: 0,
    stale: 0,
    manualUnlocks: 0,
    failedReruns: 0,
    recoveries: 0,
  };
  const started = Date.now();
  try {
    // One clean apply and teardown: what a complete apply leaves, and how long each takes.
    const full = { apply: await deploy(command('apply')) };
    const expected = countByType(await inventoryAt(cloud.url));
    full.teardown = await deploy(command('teardown'));
    if (full.apply.code !== 0 || full.teardown.code !== 0)
      throw new Error(`clean runs failed: ${full.apply.stderr}${full.teardown.stderr}`);
    log(
      `seed ${seed}; latency ${latency} ms; a clean apply takes ${full.apply.ms} ms, a teardown ${full.teardown.ms} ms`,
    );

    // Rounds go on until `kills` runs were really killed (a run may end before its moment comes).
    for (let round = 0; totals.kills < kills && round < 3 * kills; round++) {
      // Apply and teardown alternate: each kill hits a stack in the state the previous round left.
      const verb = round % 2 === 0 ? 'apply' : 'teardown';
      const at = Math.round(full[verb].ms * (0.05 + 0.9 * next()));
      const killed = await deploy(command(verb), { afterMs: at });
      let rerun = await deploy(command(verb));
      if (rerun.code !== 0 && rerun.stderr.includes('StackLocked')) {
        totals.manualUnlocks++;
        await deploy(['unlock', stack, 'dev']);
        rerun = await deploy(command(verb));
      }
      const cloudNow = await inventoryAt(cloud.url);
      const ledger = await ledgerOf(stack);
      const want = verb === 'apply' ? expected : {};
      const counts = countByType(cloudNow);
      const duplicates = Object.entries(counts).reduce((n, [t, c]) => n + Math.max(0, c - (want[t] ?? 0)), 0);
      const orphans = [...cloudNow].filter((r) => !ledger.has(r)).length;
      const stale = [...ledger].filter((r) => !cloudNow.has(r)).length;
      const failed = rerun.code !== 0;
      if (killed.killed) (totals.kills++, totals[verb]++);
      totals.duplicates += duplicates;
      totals.orphans += orphans;
      totals.stale += stale;
      totals.failedReruns += failed ? 1 : 0;
      totals.recoveries += recoveries(rerun.stdout);
      log(
        `${String(round + 1).padStart(2)}. ${verb.padEnd(8)} ${killed.killed ? `killed at ${at} ms` : `ended before ${at} ms`}; ` +
          `re-run exit ${rerun.code} in ${rerun.ms} ms; cloud ${cloudNow.size}, ledger ${ledger.size}; ` +
          `duplicates ${duplicates}, orphans ${orphans}, stale ${stale}` +
          (failed ? `\n    ${failure(rerun)}` : ''),
      );
    }
  } finally {
    await cloud.stop();
    rmSync(home, { recursive: true, force: true });
  }
  return { ...totals, seconds: Math.round((Date.now() - started) / 1000), seed };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [kills = '20', latency = '300-800', seed] = process.argv.slice(2);
  const r = await chaos({ kills: Number(kills), latency, ...(seed ? { seed: Number(seed) } : {}) });
  console.log(
    `${r.kills} kill -9 (${r.apply} during apply, ${r.teardown} during teardown), each followed by one ordinary run: ` +
      `${r.duplicates} duplicates, ${r.orphans} orphans, ${r.stale} stale ledger entries, ${r.manualUnlocks} manual unlocks, ` +
      `${r.failedReruns} failed re-runs; ${r.recoveries} intents resolved or locks taken over; ${r.seconds} s (seed ${r.seed})`,
  );
}
