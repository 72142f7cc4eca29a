/** A local cloud reached through the real SDK adapter, and an SqlEngine on it. */
import { afterEach } from 'vitest';
import { SdkCloudControl } from '../../src/cloud/index.js';
import { startLocalCloud, type LocalCloud } from '../../src/emulator/index.js';
import { schemaRegistry } from '../../src/schema/index.js';
import { SqlEngine } from '../../src/sql/index.js';

const open: { cloud: LocalCloud; port: SdkCloudControl }[] = [];
afterEach(async () => {
  for (const { cloud, port } of open.splice(0)) {
    port.destroy();
    await cloud.close();
  }
});

export const REGION = 'us-east-1';
export const AT = { file: 'resources/test.iql', line: 10, resource: 'test' };

export async function sqlSetup(): Promise<{ port: SdkCloudControl; sql: SqlEngine }> {
  const cloud = await startLocalCloud({});
  const port = new SdkCloudControl({
    endpoint: cloud.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    rateLimit: 0,
    poll: { initialMs: 2, maxMs: 20 },
  });
  open.push({ cloud, port });
  return { port, sql: new SqlEngine({ cloud: port, registry: schemaRegistry() }) };
}

export function tags(entries: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(entries).map(([Key, Value]) => ({ Key, Value }));
}

/** Cloud Control calls made since `before` (a callCounts() snapshot), by operation. */
export function callsSince(port: SdkCloudControl, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [op, n] of Object.entries(port.callCounts()))
    if (n - (before[op] ?? 0) > 0) out[op] = n - (before[op] ?? 0);
  return out;
}
