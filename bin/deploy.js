#!/usr/bin/env node
// The `deploy` command: runs the compiled CLI (built by `npm ci` through the prepare script).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
