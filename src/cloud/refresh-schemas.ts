/**
 * `deploy schemas refresh`: fetches the current schema of each type for a region into the cache
 * and says how the region differs from the bundled snapshot (types changed since, types only
 * the region has, types it cannot provision).
 */
import pLimit from 'p-limit';
import { overlaySchema, provisionable, type TypeSchema } from '../schema/index.js';
import type { DescribeType } from './describe-type.js';
import { fetchSchema } from './schema-cache.js';

export interface RefreshInput {
  describe: DescribeType;
  cacheDir: string;
  region: string;
  typeNames: string[];
  /** The bundled schema of a type, to compare with. */
  bundled: (typeName: string) => TypeSchema | undefined;
  /** DescribeType calls in flight (CloudFormation throttles bursts; the SDK retries). */
  concurrency?: number;
  /** After each type, for progress. */
  onType?: (typeName: string) => void;
}

export interface RefreshSummary {
  fetched: number;
  /** Types whose current schema distils differently from the bundled one. */
  changed: string[];
  /** Types the bundle does not have. */
  added: string[];
  /** Types Cloud Control cannot create in this region. */
  notProvisionable: string[];
  failed: { typeName: string; message: string }[];
}

export async function refreshSchemas(input: RefreshInput): Promise<RefreshSummary> {
  const summary: RefreshSummary = { fetched: 0, changed: [], added: [], notProvisionable: [], failed: [] };
  const limit = pLimit(input.concurrency ?? 4);
  await Promise.all(
    input.typeNames.map((typeName) =>
      limit(async () => {
        try {
          const { schema } = await fetchSchema({ ...input, typeName, refresh: true });
          summary.fetched++;
          const bundled = input.bundled(typeName);
          if (!bundled) summary.added.push(typeName);
          else if (canonical(overlaySchema(schema, bundled)) !== canonical(bundled)) summary.changed.push(typeName);
          if (!provisionable(schema)) summary.notProvisionable.push(typeName);
        } catch (error) {
          summary.failed.push({ typeName, message: error instanceof Error ? error.message : String(error) });
        }
        input.onType?.(typeName);
      }),
    ),
  );
  for (const list of [summary.changed, summary.added, summary.notProvisionable]) list.sort();
  summary.failed.sort((a, b) => a.typeName.localeCompare(b.typeName));
  return summary;
}

/** JSON with object keys sorted: the registry's key order is not a difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
