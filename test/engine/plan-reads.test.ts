/**
 * Planning reads in parallel: the example stack is deployed, then planned through the engine
 * against the local cloud with a read latency, by way of a real SDK client whose reads are
 * counted as they go out. The plan is the same whatever the parallelism.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SdkCloudControl, type CloudControlPort } from '../../src/cloud/index.js';
import { startLocalCloud, type LocalCloud } from '../../src/emulator/index.js';
import { plan } from '../../src/engine/index.js';
import { DeployError } from '../../src/errors/index.js';
import { schemaRegistry } from '../../src/schema/index.js';
import { loadStack } from '../../src/stack/index.js';
import { deploy, tempStack } from '../e2e/harness.js';

/** The SDK port, with the reads in flight counted. */
function counting(cloud: SdkCloudControl): { port: CloudControlPort; most: () => number } {
  let now = 0;
  let most = 0;
  const counted = <T>(read: Promise<T>): Promise<T> => {
    most = Math.max(most, ++now);
    return read.finally(() => now--);
  };
  const port: CloudControlPort = {
    getResource: (...a) => counted(cloud.getResource(...a)),
    listResources: (...a) => counted(cloud.listResources(...a)),
    createResource: (...a) => cloud.createResource(...a),
    updateResource: (...a) => cloud.updateResource(...a),
    deleteResource: (...a) => cloud.deleteResource(...a),
    awaitRequest: (...a) => cloud.awaitRequest(...a),
    callCounts: () => cloud.callCounts(),
  };
  return { port, most: () => most };
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
  const sdk = new SdkCloudControl({
    endpoint: cloud.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    rateLimit: 0,
  });
  const { port, most } = counting(sdk);
  try {
    const loaded = loadStack({ stackDir: stack, env: 'dev', processEnv: {}, assignments: [], cwd: process.cwd() });
    const result = await plan(
      loaded,
      { registry: schemaRegistry(), cloud: port, sink: { emit: () => {} } },
      { parallelism },
    );
    return { plan: result.plan, most: most(), calls: sdk.callCounts() };
  } finally {
    sdk.destroy();
  }
}

describe('a no-change plan', () => {
  it('reads every resource once, at most --parallelism at a time, and more than one at once', async () => {
    const { plan: made, most, calls } = await planAt(4);
    expect(made.summary).toMatchObject({ noop: 9, create: 0, update: 0, replace: 0, delete: 0 });
    expect(calls).toEqual({ GetResource: 9 });
    expect(most).toBe(4);
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
