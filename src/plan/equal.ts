/**
 * Equality for planning purposes: one walk over two values (./compare), by schema type,
 * applying the normalisation rules of ./normalize at every depth. Two modes:
 *
 * - strict (`valuesEqual`): symmetric, for two values the user wrote (desired against
 *   lastApplied); representation aside, every member and every element counts, in order.
 * - against the read (`matchesActual`): desired against what GetResource returned, with the
 *   last-applied value as the memory of what we own. The read is evidence only of what the user
 *   declared: a member or list element only the service has is a difference only if we had set
 *   it before (the user removed it); write-only members are never compared; a list's order is
 *   the service's unless the user reordered it; a declared "off" value matches a read that
 *   leaves it out.
 */
import type { TypeSchema, ValueType } from '../schema/types.js';
import { absentMatches, unsetLike } from './compare/absence.js';
import { compare } from './compare/compare.js';
import type { Walk } from './compare/walk.js';
import { asContainer } from './normalize/json-text.js';
import type { WalkPath } from './normalize/paths.js';
import type { RuleNotes } from './normalize/rules.js';
import { present } from './values.js';

/** Where a comparison starts and what it reports. */
export interface CompareOptions {
  /** The path of the value: its property name first (write-only paths and tags need it). */
  path?: WalkPath;
  /** Receives the rules that made unequal-looking values equal. */
  notes?: RuleNotes;
}

function start(schema: TypeSchema, strict: boolean, prior: unknown, options: CompareOptions): Walk {
  const path = options.path ?? [];
  const key = path[path.length - 1];
  return { compare, schema, strict, prior, path, key, list: undefined, notes: options.notes ?? [] };
}

/** Values equal for planning purposes, by schema type (numeric strings, JSON strings, key order). */
export function valuesEqual(
  a: unknown,
  b: unknown,
  type: ValueType | undefined,
  schema: TypeSchema,
  options: CompareOptions = {},
): boolean {
  return compare(a, b, type, start(schema, true, undefined, options));
}

/**
 * Desired matches actual (the read), ignoring what the service added that `lastApplied` never
 * held. `lastApplied` undefined means "no record": every service-only member is ignored.
 */
export function matchesActual(
  desired: unknown,
  actual: unknown,
  type: ValueType | undefined,
  schema: TypeSchema,
  lastApplied: unknown,
  options: CompareOptions = {},
): boolean {
  return compare(desired, actual, type, start(schema, false, asContainer(present(lastApplied)), options));
}

/**
 * A declared value matches a read that leaves it out: it is the schema default, or (with no
 * default to say otherwise) off or empty, or made only of such members and write-only ones.
 */
export function matchesAbsent(
  desired: unknown,
  type: ValueType | undefined,
  schema: TypeSchema,
  fallback: unknown,
  options: CompareOptions = {},
): boolean {
  return absentMatches(present(desired), type, fallback, start(schema, false, undefined, options));
}

/**
 * A value only the read has, for a property we set before and the manifest dropped: already
 * gone when it is the default or reads as off.
 */
export function readsAsUnset(
  actual: unknown,
  type: ValueType | undefined,
  schema: TypeSchema,
  fallback: unknown,
  options: CompareOptions = {},
): boolean {
  return unsetLike(present(actual), type, fallback, start(schema, false, undefined, options));
}
