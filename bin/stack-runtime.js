// What a stack command (plan, apply, teardown, validate, ...: anything but help, the version and
// completion) runs on: Node's built-ins loaded from their code cache, V8 tuned for a short run,
// and the CLI compiled from V8's code cache instead of from source.
//
// The CLI (dist/bin/stack.cjs, scripts/bundle.mjs) is one CommonJS file holding our modules and
// the packages they use (the AWS SDK, nunjucks, commander, ...). Compiling its functions from
// source is a good part of a command's start; dist/bin/stack.cjs.cache holds V8's bytecode for
// every function a representative run compiled (apply, plan and teardown of the example stack:
// scripts/warm-code-cache.mjs, run by `npm run build`). A no-change plan of 300 resources sends
// its first request at 312 ms instead of 401, with 382 ms of CPU instead of 467 (medians of 9,
// bench/first-request.mjs, against the ES-module chunks, which help and completion still use).
//
// V8 checks the cache against its version, its flags and the source, and compiles from source
// when they differ (another Node, a rebuilt bundle): the command then writes a fresh cache when
// it ends, if it may write to dist/bin/.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';

const BUNDLE_URL = new URL('../dist/bin/stack.cjs', import.meta.url);
const BUNDLE = fileURLToPath(BUNDLE_URL);
/** The code cache file, written by the build (scripts/warm-code-cache.mjs) and by a run that found it refused. */
export const CACHE = `${BUNDLE}.cache`;

/**
 * The bundle's `import()` (scripts/bundle.mjs turns each into a call to this): V8 cannot give
 * functions compiled from a code cache the loader Node needs for `import()`, so it is made here,
 * in an ES module. Relative specifiers (the Ink chunk) are beside the bundle.
 * @param {string} specifier
 */
function importForBundle(specifier) {
  return import(specifier.startsWith('.') ? new URL(specifier, BUNDLE_URL).href : specifier);
}

/**
 * Prepares the process and loads the CLI. `useCache: false` compiles from source and ignores the
 * cache file (the warm-up that writes it).
 * @returns {Promise<{ run: Function, cache: 'used' | 'refused' | 'none', saveCache: (always?: boolean) => void }>}
 */
export async function loadStackRuntime({ useCache = true } = {}) {
  // Node compiles its own modules from a code cache built with V8's default flags, and V8 refuses
  // that cache (compiling from source instead) once any flag differs, as the two below do. So the
  // built-in modules a stack command loads (the AWS SDK's HTTP stack, zlib for the bundled
  // schemas, readline for a confirmation: found with process.moduleLoadList; http2, 6 ms, is not
  // one since the bundle takes the SDK's ES-module build) are loaded first,
  // from the cache: a no-change plan of 300 resources sends its first request ~20 ms sooner, with
  // ~16-30 ms less CPU (bench/first-request.mjs). Required, as the bundle requires them: an
  // `import()` of each also built an ES-module facade the bundle never reads (`deploy validate`
  // of one resource, 21 runs alternating: 201.8 against 205.1 ms, medians).
  const require = createRequire(import.meta.url);
  for (const name of [
    'node:http',
    'node:https',
    'node:crypto',
    'node:zlib',
    'node:child_process',
    'node:readline',
    'node:stream/promises',
    'node:fs/promises',
    'node:os',
  ])
    require(name);
  // Likewise what Node loads when a global is first read: the SDK asks on every request whether
  // the body is a ReadableStream (web streams: 1.7 ms to load from the cache, 5 ms from source),
  // and the standard streams are made on first use.
  void [globalThis.ReadableStream, process.stdout, process.stderr];

  // A run is short: most of its code (the AWS SDK's request path above all) runs a few hundred to
  // a few thousand times, and V8's optimising compiler, eager by default, spends more CPU
  // compiling it than the compiled code saves. Six times V8's default interrupt budget (Node 20:
  // 67,584) leaves it the really hot functions: a 500-resource apply, plan or teardown costs about
  // 20-25% less CPU, one of 10,000 about the same (0-9% more). Set before the CLI loads, so its
  // functions get it. Measured with bench/scale.mjs.
  setFlagsFromString('--interrupt-budget=405504');
  // A run's objects mostly live as long as one operation, yet many outlive a young-generation
  // collection, and V8 lets the old generation grow up to four times what survived its last full
  // collection before collecting again: at 10,000 resources that slack, not live data (80-100 MB),
  // made the peak RSS (240-380 MB). Growing it by at most 20% keeps a 10,000-resource apply, plan
  // or teardown at 230-240 MB (30%: 240-252 MB) for 0-15% more CPU there, and changes nothing at
  // 500 resources, whose heap barely reaches a full collection. Measured with bench/scale.mjs.
  setFlagsFromString('--heap-growing-percent=20');

  let cachedData;
  try {
    if (useCache) cachedData = readFileSync(CACHE);
  } catch {
    // No cache (not built yet, or removed): compile from source, and write one at the end.
  }
  // The build keeps the file ASCII, so reading it as latin1 gives the same text without decoding.
  const script = new vm.Script(readFileSync(BUNDLE, 'latin1'), { filename: BUNDLE, cachedData });
  const cacheState = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'refused' : 'used';
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE), importForBundle);

  return {
    run: module.exports.run,
    /** Whether the bundle was compiled from the cache ('used') or from source ('refused', 'none'). */
    cache: cacheState,
    /**
     * Writes the cache if it was missing or refused (or `always`), from a plain run only: with
     * node options (NODE_OPTIONS=--max-old-space-size=..., a profiler) V8 refuses the cache a plain
     * run wrote, and a cache written under them would be refused by plain runs in turn. A
     * read-only install keeps none.
     */
    saveCache(always = false) {
      const plain = process.execArgv.length === 0 && !process.env.NODE_OPTIONS;
      if (!always && (cacheState === 'used' || !plain)) return;
      const temporary = `${CACHE}.${process.pid}`;
      try {
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, CACHE); // whole or not at all, even with commands running side by side
      } catch {
        rmSync(temporary, { force: true });
      }
    },
  };
}
