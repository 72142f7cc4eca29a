// Cold load of the schema registry: in a fresh node process each run, the time from importing
// the registry module to having one type's schema (the name index plus one service file), and
// the size on disk of the distilled registry and of the snapshot it is distilled from.
// Run after `npm ci` (it builds dist/). Usage: node bench/registry-load.mjs [runs] [type]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 15);
const typeName = process.argv[3] ?? 'AWS::ApiGatewayV2::Integration';

// The child times itself: process start-up is node's cost, not the registry's. The first dynamic
// import also starts node's ESM loader (several ms), which a CLI run has started long before:
// it is timed apart.
const child = `
const t0 = performance.now();
await import('data:text/javascript,export default 1');
const t1 = performance.now();
const { schemaRegistry } = await import(${JSON.stringify(join(root, 'dist/schema/registry.js'))});
const t2 = performance.now();
const schema = schemaRegistry().find(${JSON.stringify(typeName)});
const t3 = performance.now();
if (!schema) throw new Error('type not found');
process.stdout.write(JSON.stringify({ loader: t1 - t0, modules: t2 - t1, data: t3 - t2, total: t3 - t1 }));
`;

const samples = [];
for (let i = 0; i < runs; i++) {
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', child], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`run ${i} failed: ${out.stderr}`);
  samples.push(JSON.parse(out.stdout));
}
const median = (key) => {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function bytes(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { size: stat.size, files: 1 };
  return readdirSync(path).reduce(
    (sum, name) => {
      const inner = bytes(join(path, name));
      return { size: sum.size + inner.size, files: sum.files + inner.files };
    },
    { size: 0, files: 0 },
  );
}
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const data = bytes(join(root, 'dist/schema-data'));
const snapshot = bytes(join(root, 'data/cfn-registry'));

const ms = (key) => `${median(key).toFixed(1)} ms`;
console.log(
  `registry load, ${typeName} (fresh process, median of ${runs}): ${ms('total')}  goal < 20 ms\n` +
    `  modules ${ms('modules')}, name index + service file ${ms('data')}` +
    ` (not counted: starting node's ESM loader, ${ms('loader')})`,
);
console.log(`dist/schema-data: ${mb(data.size)} in ${data.files} files  goal < 5 MB`);
console.log(`data/cfn-registry (the snapshot it is built from): ${mb(snapshot.size)}`);
