#!/usr/bin/env -S node --
// The `deploy` command: runs the bundled CLI (dist/bin/, built by `npm ci` through the prepare
// script: tsc, then scripts/bundle.mjs, which says why it is a bundle).
// `node --` ends node's own options: Node 20 would otherwise read an `--env-file` meant for deploy
// (loading it into the environment, or exiting 9 when it is missing) before deploy starts.
import { setFlagsFromString } from 'node:v8';

const argv = process.argv.slice(2);

// Node compiles its own modules from a code cache built with V8's default flags, and V8 refuses
// that cache (compiling from source instead) once any flag differs, as the two below do. So the
// built-in modules a stack command loads (the AWS SDK's HTTP stack, zlib for the bundled schemas,
// readline for a confirmation: found with process.moduleLoadList) are loaded first, from the
// cache: a no-change plan of 300 resources sends its first request ~20 ms sooner, with ~16-30 ms
// less CPU (bench/first-request.mjs). Help, the version and shell completion load none of them.
if (!['--help', '-h', 'help', '--version', 'completion'].includes(argv[0] ?? '--help')) {
  await Promise.all(
    [
      'node:http',
      'node:https',
      'node:http2',
      'node:crypto',
      'node:zlib',
      'node:child_process',
      'node:readline',
      'node:assert',
      'node:stream/promises',
      'node:fs/promises',
      'node:os',
    ].map((name) => import(name)),
  );
}

// A run is short: most of its code (the AWS SDK's request path above all) runs a few hundred to
// a few thousand times, and V8's optimising compiler, eager by default, spends more CPU compiling
// it than the compiled code saves. Six times V8's default interrupt budget (Node 20: 67,584)
// leaves it the really hot functions: a 500-resource apply, plan or teardown costs about 20-25%
// less CPU, one of 10,000 about the same (0-9% more). Set before the CLI's modules load (hence
// the dynamic import), so their functions get it. Measured with bench/scale.mjs.
setFlagsFromString('--interrupt-budget=405504');
// A run's objects mostly live as long as one operation, yet many outlive a young-generation
// collection, and V8 lets the old generation grow up to four times what survived its last full
// collection before collecting again: at 10,000 resources that slack, not live data (80-100 MB),
// made the peak RSS (240-380 MB). Growing it by at most 20% keeps a 10,000-resource apply, plan
// or teardown at 230-240 MB (30%: 240-252 MB) for 0-15% more CPU there, and changes nothing at
// 500 resources, whose heap barely reaches a full collection. Measured with bench/scale.mjs.
setFlagsFromString('--heap-growing-percent=20');

const { run } = await import('../dist/bin/main.js');

process.exitCode = await run(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  // Made only when a command reads it (a confirmation): creating it costs 2 ms of start-up.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
});

// The command has returned: once nothing is left to do (every write flushed, every handle
// closed), leave without tearing down the heap and the environment one object at a time (from
// the last output to the process gone, 13.5 -> 7.8 ms for a no-change plan of 300 resources,
// strace, 3 runs each). Only now: a command still awaiting with nothing left to run must keep
// Node's own exit 13 for an unsettled top-level await, not leave as a success.
process.once('beforeExit', () => process.exit());
