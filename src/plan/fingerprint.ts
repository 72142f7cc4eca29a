/**
 * A stable hash of what was read, stored on each change so a saved plan can tell, resource by
 * resource, whether the world moved since planning. Hashing is pure: the same read always gives
 * the same fingerprint, whatever the key order the service used.
 */
import { hashOf } from '../common/index.js';

/** `sha256:<hex>` of the canonical JSON of the read; a missing resource hashes as `null`. */
export function fingerprint(actual: Record<string, unknown> | undefined): string {
  return `sha256:${hashOf(actual ?? null)}`;
}
