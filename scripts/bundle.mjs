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
//   trace's chunk:line is readable either way (stack.cjs is minified: see below).
//
// Stack commands (everything but help, version and completion) run from a second bundle,
// dist/bin/stack.cjs, through V8's code cache (bin/stack-runtime.js says why). It is CommonJS,
// since only a script (not an ES module) can be compiled from a code cache on Node 20, and holds
// the CLI and its packages in one file, except:
// - the Ink UI (React, Ink and its top-level await cannot be CommonJS): the bundle imports the ESM
//   chunk that holds dist/ui/ink/mount.js, as the ESM bundle does;
// - packages loaded only for some stacks (S3 state, CloudFormation schema refresh) or found on disk
//   (sql.js and its wasm, the service spec): node loads them from node_modules when needed.
// Its source is kept ASCII (non-ASCII characters escaped): V8 then holds it in a one-byte string,
// half the memory of a two-byte one.
// Its dynamic imports that stay imports (the Ink chunk; built-ins some packages load lazily, such
// as node:http for the EC2 metadata service) call `__import`, which bin/stack-runtime.js passes
// in: code compiled from a V8 code cache loses what Node needs to run `import()` itself (it fails
// with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), and the ES module passing it in has no such loss.
//
// Usage: node scripts/bundle.mjs   (run by `npm run build`, after tsc)
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'bin');

/** What both bundles share: the CLI's compiled entry, built for Node 20 into dist/bin/. */
const common = {
  absWorkingDir: root,
  outdir: 'dist/bin',
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
};

rmSync(outdir, { recursive: true, force: true }); // chunk names carry hashes: drop the last build's
const { metafile } = await build({
  ...common,
  entryPoints: { main: 'dist/cli/main.js' },
  splitting: true,
  format: 'esm',
  packages: 'external',
  metafile: true,
});
writeFileSync(join(outdir, 'meta.json'), `${JSON.stringify(metafile, null, 1)}\n`);

const mountChunk = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === 'dist/ui/ink/mount.js')?.[0];
if (!mountChunk) throw new Error('bundle: no ESM chunk holds dist/ui/ink/mount.js');
const stack = await build({
  ...common,
  entryPoints: { stack: 'dist/cli/main.js' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // The packages' ES-module builds where they ship both (the AWS SDK's dist-es beside dist-cjs):
  // esbuild can leave out what is never imported (the CBOR, XML and query protocols, event
  // streams, bowser), and their modules need no CommonJS interop. The bundle is 1.81 MB instead
  // of 2.09, its code cache 1.45 instead of 1.58, and a no-change plan sends its first request
  // 9-25 ms sooner with 12-27 ms less CPU at 1, 300 and 1,000 resources (bench/first-request.mjs,
  // 9 runs alternating); the SDK's user agent then reads its version from the package.json.
  mainFields: ['module', 'main'],
  // Whitespace and syntax minified, names kept: the file is read whole and turned into a string
  // at every start (1.26 MB instead of 1.83: 10 instead of 13 ms here), and a no-change plan of
  // 300 sends its first request 8-16 ms sooner with 13-23 ms less CPU (bench/first-request.mjs,
  // 11 and 15 runs alternating). An internal error's trace still names its functions; its
  // line:column in stack.cjs maps back to dist/ through stack.cjs.map (node does not apply maps
  // to code compiled with vm.Script, so it is not shown mapped).
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['@aws-sdk/client-s3', '@aws-sdk/client-cloudformation', 'sql.js', '@aws-cdk/aws-service-spec'],
  plugins: [
    {
      name: 'ink-from-esm-chunk',
      setup(b) {
        b.onResolve({ filter: /\/ink\/mount\.js$/ }, () => ({ path: `./${basename(mountChunk)}`, external: true }));
      },
    },
  ],
  // The modules that find files from import.meta.url get the bundle's own URL (it sits in
  // dist/bin/ like the chunks). The file is the body of a CommonJS wrapper, which
  // bin/stack-runtime.js compiles as a script and calls.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: {
    js: '(function (exports, require, module, __filename, __dirname, __import) {\n"use strict";\nconst __bundleUrl = require("node:url").pathToFileURL(__filename).href;',
  },
  footer: { js: '})' },
  metafile: true,
  write: false,
});
for (const file of stack.outputFiles) {
  const text = file.path.endsWith('.cjs')
    ? viaImportParameter(file.text, stack.metafile.outputs[relative(root, file.path)].imports)
    : file.text;
  writeFileSync(
    file.path,
    text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/**
 * The bundle's text with each `import("…")` esbuild left (the external dynamic imports its
 * metafile lists) calling `__import("…")`. Fails the build if an `import(` is left, which would
 * fail only when a user reaches it.
 */
function viaImportParameter(text, imports) {
  const paths = new Set(imports.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path));
  const out = text.replace(/(?<![\w$.])import\(("[^"]*")\)/g, (call, path) =>
    paths.has(JSON.parse(path)) ? `__import(${path})` : call,
  );
  const left = /(?<![\w$.])import\(/.exec(out);
  if (left)
    throw new Error(
      `bundle: stack.cjs keeps an import() that is not __import(): ${out.slice(left.index, left.index + 80)}`,
    );
  return out;
}
