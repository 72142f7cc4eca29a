// Bundles the compiled CLI (dist/cli/main.js, from tsc) into dist/bin/, which bin/deploy.js runs.
//
// Why: node loads an ES module graph file by file (resolve, read, compile, link each), and the
// CLI is ~300 modules in dist/. Loaded as a few dozen chunks, `deploy validate` of the example
// takes ~137 ms instead of ~165 ms, and a no-change plan of 300 resources sends its first request
// at ~240 ms after process start instead of ~290 ms, with ~60 ms less CPU (`node
// bench/cli-startup.mjs` and `node bench/first-request.mjs`, each `--against` an unbundled build;
// the README's Performance table has the numbers).
//
// - Code splitting keeps every `await import()` of the CLI a chunk of its own, loaded only when
//   the command runs: `deploy --help` still loads no engine, UI, SDK or emulator.
// - Packages stay external (node_modules is loaded as it is, by node).
// - The chunks sit in dist/bin/, two levels below the package root like dist/cli/, so the modules
//   that find files from `import.meta.url` (package.json, dist/schema-data, the emulator's data,
//   createRequire) resolve the same from a chunk as from their own file in dist/ (as long as they
//   sit directly in a folder of src/: test/architecture.test.ts checks it).
// - dist/bin/meta.json (esbuild's metafile) says which dist/ modules each chunk holds:
//   test/cli/startup.test.ts reads it to assert which modules a command loads.
// - Source maps (dist/bin/*.js.map, to the dist/ files) are read only under
//   `node --enable-source-maps`; without the flag node never opens them. The chunks are not
//   minified, and esbuild marks each module's code with a `// dist/<path>.js` comment, so a stack
//   trace's chunk:line is readable either way.
//
// Usage: node scripts/bundle.mjs   (run by `npm run build`, after tsc)
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'bin');

rmSync(outdir, { recursive: true, force: true }); // chunk names carry hashes: drop the last build's
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: { main: 'dist/cli/main.js' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(outdir, 'meta.json'), `${JSON.stringify(metafile, null, 1)}\n`);
