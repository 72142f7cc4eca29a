/**
 * A stable hash of what was read, stored on each change so a saved plan can tell, resource by
 * resource, whether the world moved since planning (planner-ux §7.1). Hashing is pure: the same
 * read always gives the same fingerprint, whatever the key order the service used.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth; undefined members dropped as JSON.stringify does. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}

/** `sha256:<hex>` of the sorted-key JSON of the read; a missing resource hashes as `null`. */
export function fingerprint(actual: Record<string, unknown> | undefined): string {
  return `sha256:${createHash('sha256')
    .update(stableJson(actual ?? null))
    .digest('hex')}`;
}
