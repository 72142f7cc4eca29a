// `deploy local-cloud` in its own process, as the benchmarks run it: on a free port, with the
// given flags (data directory, latencies, buckets). Resolves once it listens.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/deploy.js', import.meta.url));

/** @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
export function startLocalCloudProcess(flags) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'local-cloud', '--port', '0', ...flags], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, stop: () => new Promise((done) => (child.once('close', done), child.kill('SIGTERM'))) });
    });
    child.once('close', (code) => reject(new Error(`local-cloud exited ${code}: ${out}`)));
  });
}
