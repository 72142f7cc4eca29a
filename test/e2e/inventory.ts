/**
 * What really exists in a stack's local cloud, listed through the SDK (not the ledger), so
 * tests can check that the ledger tells the truth.
 */
import { join } from 'node:path';
import { inventoryAt } from '../../bench/lib/inventory.mjs';
import { startLocalCloud } from '../../src/emulator/index.js';

/** Every ApiGatewayV2 resource in the stack's local cloud, as `Type identifier` strings. */
export async function inventory(stackDir: string): Promise<Set<string>> {
  const server = await startLocalCloud({ dataDir: join(stackDir, '.deploy', 'local-cloud') });
  try {
    return await inventoryAt(server.url);
  } finally {
    await server.close();
  }
}
