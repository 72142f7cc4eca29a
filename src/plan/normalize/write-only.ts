/**
 * Write-only values (passwords, code locations, template bodies) are accepted by create and
 * update but never returned by a read, so the read is no evidence about them: they can only be
 * compared with what the engine last sent (the ledger's lastApplied).
 */
import type { TypeSchema } from '../../schema/types.js';
import { isPlainObject, present } from '../values.js';
import { anyPathMatches, pathsUnder, type WalkPath } from './paths.js';

/** The value at `path` (a top-level name, or a nested path) is write-only. */
export function isWriteOnlyPath(schema: TypeSchema, path: WalkPath): boolean {
  if (path.length === 1) return schema.writeOnly.includes(path[0] as string);
  return anyPathMatches(schema.writeOnlyPaths, path);
}

/** The top-level property `name` has write-only members somewhere below it. */
export function hasWriteOnlyMembers(schema: TypeSchema, name: string): boolean {
  return pathsUnder(schema.writeOnlyPaths, name).length > 0;
}

/**
 * Only the write-only parts of `value` (at `path`), the rest dropped: what must be compared
 * with lastApplied. Array elements keep their places (null where nothing is write-only), so
 * the parts of two arrays line up as their elements do. Undefined when there are none.
 */
export function writeOnlyPart(schema: TypeSchema, value: unknown, path: WalkPath): unknown {
  const v = present(value);
  if (v === undefined) return undefined;
  if (isWriteOnlyPath(schema, path)) return v;
  if (Array.isArray(v)) {
    const parts = v.map((item) => writeOnlyPart(schema, item, [...path, '*']) ?? null);
    return parts.some((p) => p !== null) ? parts : undefined;
  }
  if (!isPlainObject(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(v)) {
    const part = writeOnlyPart(schema, member, [...path, key]);
    if (part !== undefined) out[key] = part;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
