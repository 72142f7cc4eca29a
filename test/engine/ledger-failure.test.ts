/**
 * A ledger that cannot be written while a create is in flight: the run names what it created
 * but could not record and fails; the next run adopts it from the intent recorded before the
 * request; a rollback deletes it. Driven through the engine against the local cloud, with the
 * journal turned into a directory at the worst moment (after the create, before its record).
 */
import { mkdirSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SdkCloudControl, type CloudControlPort } from '../../src/cloud/index.js';
import { startLocalCloud } from '../../src/emulator/index.js';
import { apply, type EngineDeps, type RunResult } from '../../src/engine/index.js';
import type { EngineEvent } from '../../src/events/index.js';
import { schemaRegistry } from '../../src/schema/index.js';
import { loadStack } from '../../src/stack/index.js';
import { inventoryAt } from '../../bench/lib/inventory.mjs';
import { ledgerOf, tempStack } from '../e2e/harness.js';

let server: Awaited<ReturnType<typeof startLocalCloud>>;
let sdk: SdkCloudControl;
beforeEach(async () => {
  server = await startLocalCloud({ latencyMs: 20 });
  sdk = new SdkCloudControl({
    endpoint: server.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    rateLimit: 0,
    poll: { initialMs: 5, maxMs: 50 },
  });
});
afterEach(async () => {
  sdk.destroy();
  await server.close();
});

const INTEGRATION = 'AWS::ApiGatewayV2::Integration';

/** The cloud, except that the journal becomes unwritable once the first integration exists. */
function breakingCloud(stackDir: string): { cloud: CloudControlPort; repair: () => void } {
  const journal = join(stackDir, '.deploy', 'dev', 'journal.ndjson');
  let broken = false;
  const cloud: CloudControlPort = Object.create(sdk) as CloudControlPort;
  cloud.createResource = async (type, region, desired, options) => {
    const state = await sdk.createResource(type, region, desired, options);
    if (type === INTEGRATION && !broken) {
      broken = true;
      renameSync(journal, `${journal}.aside`);
      mkdirSync(journal);
    }
    return state;
  };
  const repair = (): void => {
    rmdirSync(journal);
    renameSync(`${journal}.aside`, journal);
  };
  return { cloud, repair };
}

async function run(
  stackDir: string,
  cloud: CloudControlPort,
  onFailure: 'stop' | 'rollback',
): Promise<{ result: RunResult; events: EngineEvent[] }> {
  const events: EngineEvent[] = [];
  const deps: EngineDeps = { registry: schemaRegistry(), cloud, sink: { emit: (e) => events.push(e) } };
  const stack = loadStack({ stackDir, env: 'dev', processEnv: {}, assignments: [], cwd: process.cwd() });
  const result = await apply(stack, deps, { parallelism: 1, onFailure });
  return { result, events };
}

function failures(events: EngineEvent[]): Extract<EngineEvent, { type: 'resource_failed' }>[] {
  return events.filter((e) => e.type === 'resource_failed');
}

describe('a ledger write that fails', () => {
  it('names what was created, fails the run, and the next run adopts it', async () => {
    const stackDir = tempStack();
    const { cloud, repair } = breakingCloud(stackDir);
    const { result, events } = await run(stackDir, cloud, 'stop');
    expect(result.kind === 'applied' && result.outcome.outcome).toBe('failed');
    const [failure] = failures(events);
    const created = [...(await inventoryAt(server.url))].find((r) => r.startsWith(INTEGRATION)) as string;
    const identifier = created.split(' ')[1] as string;
    expect(failure?.resource).toBe('connect_integration');
    expect(failure?.error.message).toContain(`created ${INTEGRATION} ${identifier}, but could not record it`);
    expect(failure?.error.hint).toContain('run the same command');
    expect(await inventoryAt(server.url)).toHaveLength(2); // the API and that integration, nothing more

    repair();
    const again = await run(stackDir, sdk, 'stop');
    expect(again.result.kind === 'applied' && again.result.outcome.outcome).toBe('success');
    expect(again.events).toContainEqual(
      expect.objectContaining({
        type: 'warning',
        resource: 'connect_integration',
        message: expect.stringContaining('adopted'),
      }),
    );
    const ledger = ledgerOf(stackDir, 'dev');
    expect(ledger.resources['connect_integration']?.identifier).toBe(identifier);
    expect(ledger.pending).toEqual([]);
    const inventory = await inventoryAt(server.url);
    expect(inventory).toEqual(new Set(Object.values(ledger.resources).map((r) => `${r.type} ${r.identifier}`)));
    expect(inventory).toHaveLength(9);
  });

  it('is undone by a rollback, which deletes what could not be recorded', async () => {
    const stackDir = tempStack();
    const { cloud } = breakingCloud(stackDir);
    const { result, events } = await run(stackDir, cloud, 'rollback');
    expect(result.kind === 'applied' && result.outcome.summary.rolledBack).toBe(2);
    expect(failures(events).map((f) => f.resource)).toEqual(['connect_integration']);
    expect(await inventoryAt(server.url)).toEqual(new Set());
  });
});
