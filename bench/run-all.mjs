// Runs every benchmark in this folder, one after another, each in its own node process with its
// default arguments, and prints their output under a heading. Run after `npm ci` (it builds dist/).
// Usage: node bench/run-all.mjs [name-filter ...]   e.g. `npm run bench -- startup`
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== self)
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n## ${name}\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [`${here}${name}`], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
  console.log(`(${name}: exit ${run.status}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(`\n${benches.length - failed} of ${benches.length} benchmarks ran.`);
process.exit(failed > 0 ? 1 : 0);
