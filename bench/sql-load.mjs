// Loading the embedded SQL engine (sql.js + its WebAssembly, StackQL functions registered, first
// statement run), each in a fresh node process so nothing is cached; and proof that a stack of
// flat SELECTs never loads it. Run after `npm ci` (it builds dist/).
// Usage: node bench/sql-load.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 20);

const probe = `
const started = performance.now();
const cpu = process.cpuUsage();
const sql = await import('./dist/sql/sqlite.js');
await sql.sqliteDatabase();
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ load: sql.sqliteLoadMs(), total: performance.now() - started, cpu: (used.user + used.system) / 1000 }));
`;

const loads = [];
const totals = [];
const cpus = [];
for (let i = 0; i < runs; i++) {
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  const { load, total, cpu } = JSON.parse(out.stdout);
  loads.push(load);
  totals.push(total);
  cpus.push(cpu);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.9 * xs.length))];
console.log(
  `SQL engine load (sqliteLoadMs)          median ${median(loads).toFixed(1)} ms  p90 ${p90(loads).toFixed(1)} ms  (${runs} fresh processes)`,
);
console.log(`  including importing src/sql/sqlite    median ${median(totals).toFixed(1)} ms`);
console.log(`  CPU time (all threads)                median ${median(cpus).toFixed(1)} ms`);
console.log(
  `  (load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores while measuring)`,
);

// A stack whose queries are flat SELECTs: validate and plan it in-process, then ask whether the
// engine was loaded.
const flat = `
const { run } = await import('./dist/cli/main.js');
const { sqliteLoadMs } = await import('./dist/sql/index.js');
const { mkdtempSync, cpSync } = await import('node:fs');
const { join } = await import('node:path');
const { tmpdir } = await import('node:os');
const { Writable, PassThrough } = await import('node:stream');
const sink = () => new Writable({ write(_c, _e, done) { done(); } });
const stack = join(mkdtempSync(join(tmpdir(), 'bench-sql-')), 'stack');
cpSync('examples/websocket-api', stack, { recursive: true });
const io = { stdout: sink(), stderr: sink(), stdin: new PassThrough(), env: { PATH: process.env.PATH }, cwd: process.cwd() };
for (const args of [['validate', stack, 'dev'], ['plan', stack, 'dev', '--local']]) {
  const code = await run(args, io);
  if (code !== 0 && code !== 2) throw new Error('deploy ' + args.join(' ') + ' exited ' + code);
}
console.log(sqliteLoadMs() === undefined ? 'never loaded' : 'loaded in ' + sqliteLoadMs().toFixed(1) + ' ms');
`;
const out = spawnSync(process.execPath, ['--input-type=module', '-e', flat], { cwd: root, encoding: 'utf8' });
if (out.status !== 0) throw new Error(out.stderr);
console.log(`examples/websocket-api validate + plan   SQL engine ${out.stdout.trim()}`);
