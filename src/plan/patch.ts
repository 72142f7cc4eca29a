/**
 * The RFC 6902 patch for an update, following Cloud Control's read-modify-write rules
 * (Cloud Control user guide, "Updating a resource"):
 *
 * - paths are relative to the schema's properties (`/TimeoutInMillis`);
 * - `replace` needs an existing target, so a property absent from the read is `add`ed;
 * - a read-only path fails the whole request, even with an unchanged value: never emitted;
 * - a create-only path fails too (an update never carries one: a changed one means replace);
 * - a write-only property missing from the patch is dropped by the service, so every one in
 *   the manifest is re-sent with `add` — unless it is also create-only, which cannot be sent;
 *   so is a property holding write-only members (a function's Code with its S3Key).
 *
 * Values holding unknown tokens are emitted as the token text: the engine re-renders them once
 * the resources they depend on exist.
 */
import type { TypeSchema } from '../schema/types.js';
import { hasWriteOnlyMembers, writeOnlyPart } from './normalize/write-only.js';
import { isReadOnly, isWriteOnly, pointer, type PropertyVerdict } from './property.js';
import type { PatchOperation } from './types.js';
import { isAbsent } from './values.js';

export function buildPatch(
  names: string[],
  verdicts: ReadonlyMap<string, PropertyVerdict>,
  desired: Record<string, unknown>,
  schema: TypeSchema,
): PatchOperation[] {
  const patch: PatchOperation[] = [];
  for (const name of names) {
    if (isReadOnly(schema, name) || schema.properties[name]?.createOnly) continue;
    const path = pointer(name);
    const value = desired[name];
    if (isWriteOnly(schema, name)) {
      // Re-send, changed or not. A removed write-only property is dropped by not sending it:
      // a `remove` would fail, since the read (the patch target) never holds it.
      if (!isAbsent(value)) patch.push({ op: 'add', path, value });
      continue;
    }
    const verdict = verdicts.get(name);
    if (!verdict) {
      // The same for a property holding write-only members: the read (the patch target) lacks
      // them, so leaving the property out of the patch would send it without them.
      if (hasWriteOnlyMembers(schema, name) && writeOnlyPart(schema, value, [name]) !== undefined) {
        patch.push({ op: 'add', path, value });
      }
      continue;
    }
    switch (verdict.change.kind) {
      case 'add':
        patch.push({ op: 'add', path, value });
        break;
      case 'change':
        patch.push({ op: 'replace', path, value });
        break;
      case 'remove':
        patch.push({ op: 'remove', path });
        break;
    }
  }
  return patch;
}
