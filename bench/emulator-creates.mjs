// Creates per second of AWS::ApiGatewayV2::Api through the real SDK against the local cloud
// (latency 0), in memory and with a data dir, with the server on its own thread (as when the
// CLI talks to a separately running local cloud) and on the client's thread (in-process).
// Run `npm run build` first. Usage: node bench/emulator-creates.mjs [N=2000] [inFlight=32]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { CloudControlClient, CreateResourceCommand } from '@aws-sdk/client-cloudcontrol';
import pLimit from 'p-limit';
import { startLocalCloud } from '../dist/emulator/index.js';

const N = Number(process.argv[2] ?? 2000);
const IN_FLIGHT = Number(process.argv[3] ?? 32);
const WARM_UP = 1000;

if (!isMainThread) {
  // Server thread: serve until told to stop.
  const cloud = await startLocalCloud(workerData);
  parentPort.postMessage(cloud.url);
  parentPort.once('message', async () => {
    await cloud.close();
    parentPort.postMessage('closed');
  });
} else {
  const results = [];
  for (const thread of ['own thread', 'same thread']) {
    for (const store of ['in-memory', 'data dir']) {
      const dataDir = store === 'data dir' ? mkdtempSync(join(tmpdir(), 'lc-bench-')) : undefined;
      try {
        const cloud = thread === 'own thread' ? await inWorker({ dataDir }) : await startLocalCloud({ dataDir });
        const rate = await measure(cloud.url);
        await cloud.close();
        results.push(
          `${thread.padEnd(11)} ${store.padEnd(9)} ${N} creates, ${IN_FLIGHT} in flight: ${rate.toFixed(0)} creates/s`,
        );
        console.log(results[results.length - 1]);
      } finally {
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
}

async function measure(url) {
  const client = new CloudControlClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const limit = pLimit(IN_FLIGHT);
  const create = (name) =>
    limit(() =>
      client.send(
        new CreateResourceCommand({
          TypeName: 'AWS::ApiGatewayV2::Api',
          DesiredState: JSON.stringify({ Name: name, ProtocolType: 'HTTP', Description: 'bench' }),
        }),
      ),
    );
  // Warm up sockets and the JIT on both sides first: the first thousand calls are far slower.
  await Promise.all(Array.from({ length: WARM_UP }, (_, i) => create(`warm-${i}`)));
  const started = performance.now();
  await Promise.all(Array.from({ length: N }, (_, i) => create(`api-${i}`)));
  const seconds = (performance.now() - started) / 1000;
  client.destroy();
  return N / seconds;
}

function inWorker(options) {
  const worker = new Worker(new URL(import.meta.url), { workerData: options, argv: process.argv.slice(2) });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (url) =>
      resolve({
        url,
        close: () =>
          new Promise((done) => {
            worker.once('message', () => worker.terminate().then(() => done()));
            worker.postMessage('close');
          }),
      }),
    );
  });
}
