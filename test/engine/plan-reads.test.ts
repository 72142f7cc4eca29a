/**
 * Planning reads in parallel: the example stack is deployed, then planned through the engine
 * against the local cloud with a read latency, by way of a real SDK client and a proxy that
 * counts the requests the cloud holds at once. The plan is the same whatever the parallelism.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SdkCloudControl } from '../../src/cloud/index.js';
import { startLocalCloud, type LocalCloud } from '../../src/emulator/index.js';
import { plan } from '../../src/engine/index.js';
import { DeployError } from '../../src/errors/index.js';
import { schemaRegistry } from '../../src/schema/index.js';
import { loadStack } from '../../src/stack/index.js';
import { deploy, manifestHead, stackWith, tempStack } from '../e2e/harness.js';

/**
 * A proxy in front of the local cloud counting the requests it holds at once: what the cloud
 * sees in flight, whatever the engine has started and the SDK holds ready.
 */
async function countingProxy(
  upstream: string,
): Promise<{ url: string; most: () => number; connections: () => number; close: () => Promise<void> }> {
  let now = 0;
  let most = 0;
  let connections = 0;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((request, response) => {
    most = Math.max(most, ++now);
    const forward = http.request(
      new URL(request.url ?? '/', upstream),
      { method: request.method, headers: request.headers, agent },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          now--; // before the client can see the answer and send its next request
          response.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
        });
      },
    );
    // A plan that fails stops waiting for its other reads; closing the proxy then cuts them.
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    most: () => most,
    connections: () => connections,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let stack: string;
let cloud: LocalCloud;

beforeAll(async () => {
  stack = tempStack();
  expect((await deploy(['apply', stack, 'dev', '--local', '--yes'])).code).toBe(0);
  // The same data the apply wrote, now answering reads slowly and in a shuffled order.
  cloud = await startLocalCloud({ dataDir: join(stack, '.deploy', 'local-cloud'), readLatencyMs: [20, 60] });
});
afterAll(() => cloud.close());

async function planAt(parallelism: number) {
  const proxy = await countingProxy(cloud.url);
  const sdk = new SdkCloudControl({
    endpoint: proxy.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    rateLimit: 0,
    inFlight: parallelism,
  });
  try {
    const loaded = loadStack({ stackDir: stack, env: 'dev', processEnv: {}, assignments: [], cwd: process.cwd() });
    const result = await plan(
      loaded,
      { registry: schemaRegistry(), cloud: sdk, sink: { emit: () => {} } },
      { parallelism },
    );
    return { plan: result.plan, most: proxy.most(), connections: proxy.connections(), calls: sdk.callCounts() };
  } finally {
    sdk.destroy();
    await proxy.close();
  }
}

describe('a no-change plan', () => {
  it('reads every resource once, at most --parallelism at a time, and more than one at once', async () => {
    const { plan: made, most, connections, calls } = await planAt(4);
    expect(made.summary).toMatchObject({ noop: 9, create: 0, update: 0, replace: 0, delete: 0 });
    expect(calls).toEqual({ GetResource: 9 });
    expect(most).toBe(4);
    // A read sent as another's answer arrives takes that answer's connection, not a new one
    // (on AWS a new connection is a TLS handshake).
    expect(connections).toBeLessThanOrEqual(4);
  });

  it('is the same plan, in the same order, at any parallelism', async () => {
    const one = await planAt(1);
    expect(one.most).toBe(1);
    const many = await planAt(10);
    const comparable = (p: typeof one.plan) => ({ ...p, createdAt: undefined });
    expect(comparable(many.plan)).toEqual(comparable(one.plan));
    expect(many.plan.resources.map((c) => c.resource)).toEqual([
      'api',
      'connect_integration',
      'default_integration',
      'default_integration_response',
      'connect_route',
      'default_route',
      'default_route_response',
      'deployment',
      'stage',
    ]);
  });
});

describe('a plan that fails', () => {
  it('fails with the error of the first failing resource in dependency order, whichever read ends first', async () => {
    const ledgerFile = join(stack, '.deploy', 'dev', 'state.json');
    const saved = readFileSync(ledgerFile, 'utf8');
    const ledger = JSON.parse(saved) as { resources: Record<string, { type: string }> };
    // Two resources recorded as another type: both plans fail; `api` comes first.
    for (const name of ['stage', 'api']) ledger.resources[name]!.type = 'AWS::ApiGatewayV2::Model';
    writeFileSync(ledgerFile, JSON.stringify(ledger));
    try {
      for (const parallelism of [1, 10]) {
        const error = await planAt(parallelism).catch((e: unknown) => e);
        expect(DeployError.is(error)).toBe(true);
        expect((error as DeployError).code).toBe('TypeChanged');
        expect((error as DeployError).location.resource).toBe('api');
      }
    } finally {
      writeFileSync(ledgerFile, saved);
    }
  });
});

describe('a plan whose cloud cannot be reached', () => {
  it('fails once the first resource in order gives up, without reading the rest or retrying afterwards', async () => {
    // Independent resources, so each waits for its own read only.
    const count = 8;
    const apis = Array.from(
      { length: count },
      (_, i) => `  - name: api_${i}\n    file: api.iql\n    props:\n      - name: api_name\n        value: wide-${i}\n`,
    );
    const wide = stackWith(manifestHead('wide') + apis.join(''), {
      'api.iql':
        '/*+ create */\nINSERT INTO aws.apigatewayv2.apis (Name, ProtocolType, RouteSelectionExpression, region)\n' +
        "SELECT '{{ api_name }}', 'WEBSOCKET', '$request.body.action', '{{ region }}';\n" +
        "/*+ delete */\nDELETE FROM aws.apigatewayv2.apis WHERE data__Identifier = '{{ api_id }}' AND region = '{{ region }}';\n",
    });
    expect((await deploy(['apply', wide, 'dev', '--local', '--yes'])).code).toBe(0);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const attempts = 4;
    const sdk = new SdkCloudControl({
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      rateLimit: 0,
      inFlight: 2,
      retry: { attempts, baseDelayMs: 40, maxDelayMs: 40 },
    });
    try {
      const loaded = loadStack({ stackDir: wide, env: 'dev', processEnv: {}, assignments: [], cwd: process.cwd() });
      const error = await plan(
        loaded,
        { registry: schemaRegistry(), cloud: sdk, sink: { emit: () => {} } },
        { parallelism: 2 },
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ECONNREFUSED', hint: expect.stringContaining('could not be reached') });
      expect((error as DeployError).location.resource).toBe('api_0');
      // Reading every resource to the end is `count * attempts` requests.
      const made = sdk.callCounts().GetResource ?? 0;
      expect(made).toBeLessThan(count * attempts);
      // The reads still under way are not tried again once the plan has failed.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sdk.callCounts().GetResource).toBe(made);
    } finally {
      sdk.destroy();
    }
  });
});
