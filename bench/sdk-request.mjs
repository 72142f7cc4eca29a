// The CPU one Cloud Control request costs the CLI process: a GetResource through the engine's
// adapter (the AWS SDK: middleware, signing, (de)serialization, its HTTP handler), against the
// same request as a bare node:http POST (what any client pays for HTTP and JSON alone). Both run
// 10 at a time against a `deploy local-cloud` process (its CPU is not counted): the first 1,000
// of the process (cold, as in a CLI run), then warm rounds. The difference
// is the SDK's own share of the engine's CPU per resource: an apply makes 2 requests per
// resource (create, status), a no-change plan 1 (get), a teardown 3 (get, delete, status).
//
// Usage: node bench/sdk-request.mjs [requests=3000]   (after npm ci, which builds dist/)
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SdkCloudControl } from '../dist/cloud/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 3000);
const TYPE = 'AWS::ApiGatewayV2::Api';
const REGION = 'us-east-1';

const cloudProcess = spawn(
  process.execPath,
  ['bin/deploy.js', 'local-cloud', '--port', '0', '--data', mkdtempSync(join(tmpdir(), 'deploy-sdk-bench-'))],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
const url = await new Promise((resolve) => {
  let text = '';
  cloudProcess.stdout.on('data', (chunk) => {
    text += chunk;
    const found = /listening on (\S+)/.exec(text)?.[1];
    if (found) resolve(found);
  });
});

const cloud = new SdkCloudControl({
  endpoint: url,
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  rateLimit: 0,
});
const { identifier } = await cloud.createResource(TYPE, REGION, {
  Name: 'bench',
  ProtocolType: 'WEBSOCKET',
  RouteSelectionExpression: '$request.body.action',
});

const agent = new http.Agent({ keepAlive: true });
const body = JSON.stringify({ TypeName: TYPE, Identifier: identifier });
const { hostname, port } = new URL(url);
const bare = () =>
  new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: hostname,
        port,
        method: 'POST',
        path: '/',
        agent,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'CloudApiService.GetResource',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
const viaSdk = () => cloud.getResource(TYPE, REGION, identifier);

/** CPU ms per request, `count` requests 10 at a time. */
async function measure(one, count) {
  let left = count;
  const started = process.cpuUsage();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (left-- > 0) await one();
    }),
  );
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / count;
}

const load = loadavg()[0];
// Cold: the first requests of a process, as a CLI run makes them (the JIT has not optimised yet).
const cold = { sdk: await measure(viaSdk, 1000), bare: await measure(bare, 1000) };
const results = { sdk: [], bare: [] };
for (let round = 0; round < 3; round++) {
  results.sdk.push(await measure(viaSdk, n));
  results.bare.push(await measure(bare, n));
}
const best = (list) => Math.min(...list);
console.log(
  `GetResource, the first 1,000 of the process: through the SDK ${cold.sdk.toFixed(3)} ms CPU each, bare node:http ${cold.bare.toFixed(3)} ms`,
);
console.log(
  `GetResource, ${n} more × 3 rounds, 10 at a time (best round): through the SDK ${best(results.sdk).toFixed(3)} ms CPU, ` +
    `bare node:http ${best(results.bare).toFixed(3)} ms CPU; the SDK's own share ${(best(results.sdk) - best(results.bare)).toFixed(3)} ms ` +
    `(load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}, node ${process.version})`,
);
cloud.destroy();
agent.destroy();
cloudProcess.kill('SIGTERM');
