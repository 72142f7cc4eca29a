#!/usr/bin/env -S node --
// The `deploy` command: runs the compiled CLI (built by `npm ci` through the prepare script).
// `node --` ends node's own options: Node 20 would otherwise read an `--env-file` meant for deploy
// (loading it into the environment, or exiting 9 when it is missing) before deploy starts.
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
