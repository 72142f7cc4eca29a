// The floor under a no-change plan: N GetResource requests, `parallelism` at a time, against a
// `deploy local-cloud` process answering reads after `latency` ms, made by a bare client with
// nothing else to do. Once through the engine's Cloud Control adapter (the AWS SDK), once as bare
// node:http POSTs. What either takes beyond ⌈N / parallelism⌉ × latency is the cost of a request
// round trip (the local cloud's work, its timer, the client's CPU); a plan cannot beat the SDK's
// time, and a CLI run adds its process start-up, loading and validation on top. Last, the bare
// reads as a fresh node process, timed from spawn to exit: the floor under a CLI run's wall
// (bench/scale.mjs), before it has loaded or checked anything.
//
// Usage: node bench/read-floor.mjs [N=300] [parallelism=10] [latency=100]   (after npm ci)
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SdkCloudControl } from '../dist/cloud/index.js';
import { bareReader, readAll } from './lib/bare-reads.mjs';
import { startLocalCloudProcess } from './lib/local-cloud.mjs';

const BARE = fileURLToPath(new URL('./lib/bare-reads.mjs', import.meta.url));

const [n, parallelism, latency] = [300, 10, 100].map((d, i) => Number(process.argv[2 + i] ?? d));
const TYPE = 'AWS::ApiGatewayV2::Api';
const REGION = 'us-east-1';

const cloud = await startLocalCloudProcess([
  '--data',
  mkdtempSync(join(tmpdir(), 'deploy-read-floor-')),
  '--read-latency',
  String(latency),
]);
const sdk = new SdkCloudControl({
  endpoint: cloud.url,
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  rateLimit: 0,
  poll: { initialMs: 5, maxMs: 50 },
});
const ids = [];
for (let i = 0; i < 25; i++) {
  const made = await sdk.createResource(TYPE, REGION, { Name: `floor-${i}`, ProtocolType: 'WEBSOCKET' });
  ids.push(made.identifier);
}

const { port } = new URL(cloud.url);
const agent = new http.Agent({ keepAlive: true });
const bareGet = bareReader(port, agent);

/** Milliseconds for n reads, `parallelism` at a time. */
async function timed(read) {
  const started = performance.now();
  await readAll(read, ids, n, parallelism);
  return performance.now() - started;
}

/** Milliseconds from spawning a fresh node process that makes the same bare reads to its exit. */
function timedProcess() {
  const started = performance.now();
  const run = spawnSync(process.execPath, [BARE, port, String(n), String(parallelism), ids.join(',')]);
  if (run.status !== 0) throw new Error(`bare-reads exited ${run.status}: ${run.stderr}`);
  return performance.now() - started;
}

const bound = Math.ceil(n / parallelism) * latency;
const rows = [];
for (let round = 0; round < 3; round++) {
  rows.push({
    sdk: await timed((id) => sdk.getResource(TYPE, REGION, id)),
    bare: await timed(bareGet),
  });
}
const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
const sdkMs = median(rows.map((r) => r.sdk));
const bareMs = median(rows.map((r) => r.bare));
// After the rounds in this process, whose idle keep-alive sockets the local cloud would close
// while a fresh process ran in between.
const processMs = median([timedProcess(), timedProcess(), timedProcess()]);
const perRound = (ms) => ((ms - bound) / Math.ceil(n / parallelism)).toFixed(1);
console.log(`${n} reads, ${parallelism} at a time, ${latency} ms each: bound ${bound} ms`);
console.log(
  `through the SDK: ${sdkMs.toFixed(0)} ms (×${(sdkMs / bound).toFixed(3)}, ${perRound(sdkMs)} ms per round)`,
);
console.log(
  `bare HTTP:       ${bareMs.toFixed(0)} ms (×${(bareMs / bound).toFixed(3)}, ${perRound(bareMs)} ms per round)`,
);
console.log(
  `a fresh process: ${processMs.toFixed(0)} ms (×${(processMs / bound).toFixed(3)}; bare HTTP, from spawn to exit: ` +
    'what a CLI run starts from)',
);
console.log(`median of 3; load average ${loadavg()[0].toFixed(2)}`);
sdk.destroy();
agent.destroy();
await cloud.stop();
