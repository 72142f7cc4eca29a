// Writes dist/bin/stack.cjs.cache, the V8 code cache stack commands start from
// (bin/stack-runtime.js). V8 puts in it the functions compiled so far, so this process first
// runs what a user runs: apply, a no-change plan and teardown of a copy of the example stack,
// against a local cloud in its own process (the emulator's code stays out of the cache, as it
// stays out of a command against the cloud). Also a smoke test of the bundle: the build fails if
// a command fails here.
//
// Usage: node scripts/warm-code-cache.mjs   (run by `npm run build`, after the registry is built)
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startLocalCloudProcess } from '../bench/lib/local-cloud.mjs';
import { CACHE, loadStackRuntime } from '../bin/stack-runtime.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runtime = await loadStackRuntime({ useCache: false });

const work = mkdtempSync(join(tmpdir(), 'deploy-warm-'));
const stack = join(work, 'stack');
cpSync(join(root, 'examples', 'websocket-api'), stack, { recursive: true });
// The builder's own AWS and deploy settings (a profile, an endpoint) stay out of the runs: the
// local cloud takes the placeholder credentials, and nothing else changes what runs.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AWS|DEPLOY)_/.test(name)));
const sink = new Writable({ write: (_chunk, _encoding, done) => done() });

const cloud = await startLocalCloudProcess(['--data', join(work, 'cloud'), '--latency', '0', '--read-latency', '0']);
try {
  for (const command of [['apply', '--yes'], ['plan'], ['teardown', '--yes']]) {
    let errors = '';
    const stderr = new Writable({ write: (chunk, _encoding, done) => ((errors += chunk), done()) });
    const args = [command[0], stack, 'dev', '--endpoint', cloud.url, '--json', ...command.slice(1)];
    const code = await runtime.run(args, { stdout: sink, stderr, stdin: process.stdin, env, cwd: root });
    if (code !== 0) throw new Error(`warm-code-cache: deploy ${args.join(' ')} exited ${code}\n${errors}`);
  }
} finally {
  await cloud.stop(); // before saving: a local cloud that ends on its own may write a cache of its own
  rmSync(work, { recursive: true, force: true });
}
runtime.saveCache(true);
const size = statSync(CACHE).size;
console.log(`code cache: ${Math.round(size / 1024)} KB (apply, plan, teardown of examples/websocket-api)`);
