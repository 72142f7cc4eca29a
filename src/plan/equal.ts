/**
 * Equality for planning purposes, by schema type. Two modes share one walk:
 *
 * - strict (`valuesEqual`): symmetric; a key present on one side only is a difference unless
 *   it holds the schema default.
 * - against actual (`matchesActual`): desired vs what was read, with the last-applied value as
 *   the memory of what we own. A nested key only the service returned is a difference only if
 *   we had set it before (the user removed it) — the same rule as for top-level properties,
 *   applied all the way down, because services fill nested defaults just as they fill top-level
 *   ones (e.g. a Stage's DefaultRouteSettings comes back with every flag spelled out).
 */
import type { TypeSchema, ValueType } from '../schema/types.js';
import {
  asContainer,
  isAbsent,
  isContainer,
  isPlainObject,
  looseScalarEqual,
  parseIfJson,
  scalarText,
  toBoolean,
  toNumber,
  type Plain,
} from './coerce.js';

/** What we last applied at this depth, or `strict` for the symmetric comparison. */
type Prior = { strict: true } | { strict: false; value: unknown };

const STRICT: Prior = { strict: true };

/** Values equal for planning purposes, by schema type (numeric strings, JSON strings, key order). */
export function valuesEqual(a: unknown, b: unknown, type: ValueType | undefined, schema: TypeSchema): boolean {
  return compare(a, b, type, schema, STRICT);
}

/**
 * Desired equals actual, ignoring nested keys the service set that `lastApplied` never held.
 * `lastApplied` undefined means "no record": every service-only nested key is ignored.
 */
export function matchesActual(
  desired: unknown,
  actual: unknown,
  type: ValueType | undefined,
  schema: TypeSchema,
  lastApplied: unknown,
): boolean {
  return compare(desired, actual, type, schema, { strict: false, value: asContainer(lastApplied) });
}

function compare(x: unknown, y: unknown, type: ValueType | undefined, schema: TypeSchema, prior: Prior): boolean {
  if (x === y) return true;
  if (isAbsent(x) || isAbsent(y)) return isAbsent(x) && isAbsent(y);
  if (type === undefined) return generic(x, y, schema, prior);
  switch (type.kind) {
    case 'integer':
    case 'number':
      return scalar(x, y, schema, prior, () => {
        const n = toNumber(x);
        return n !== undefined && n === toNumber(y);
      });
    case 'boolean':
      return scalar(x, y, schema, prior, () => {
        const b = toBoolean(x);
        return b !== undefined && b === toBoolean(y);
      });
    case 'string':
      return scalar(x, y, schema, prior, () => scalarText(x) === scalarText(y));
    case 'date-time':
      return scalar(x, y, schema, prior, () => sameInstant(x, y));
    case 'null':
      return false;
    case 'json':
      // A JSON document may arrive as text on one side and parsed on the other.
      return generic(parseIfJson(x), parseIfJson(y), schema, prior);
    case 'tag':
      return generic(x, y, schema, prior);
    case 'array':
      return compareArrays(asContainer(x), asContainer(y), type.element, schema, prior);
    case 'map': {
      const element = type.element;
      return compareObjects(
        asContainer(x),
        asContainer(y),
        schema,
        prior,
        () => element,
        () => undefined,
      );
    }
    case 'ref': {
      const def = schema.definitions[type.ref];
      if (!def) return generic(asContainer(x), asContainer(y), schema, prior);
      return compareObjects(
        asContainer(x),
        asContainer(y),
        schema,
        prior,
        (key) => def.properties[key]?.type,
        (key) => def.properties[key]?.default,
      );
    }
    case 'union':
      if (type.types.length === 0) return generic(x, y, schema, prior);
      return type.types.some((t) => compare(x, y, t, schema, prior));
  }
}

/** Scalar types: a container on either side means the schema and the value disagree; fall back. */
function scalar(x: unknown, y: unknown, schema: TypeSchema, prior: Prior, test: () => boolean): boolean {
  if (isContainer(x) || isContainer(y)) return generic(x, y, schema, prior);
  return test();
}

function sameInstant(x: unknown, y: unknown): boolean {
  if (scalarText(x) === scalarText(y)) return true;
  if (typeof x !== 'string' || typeof y !== 'string') return false;
  const a = Date.parse(x);
  return Number.isFinite(a) && a === Date.parse(y);
}

/** No schema type: structural, key-order-insensitive, scalars read loosely. */
function generic(x: unknown, y: unknown, schema: TypeSchema, prior: Prior): boolean {
  const a = isContainer(y) ? asContainer(x) : x;
  const b = isContainer(a) ? asContainer(y) : y;
  if (Array.isArray(a) || Array.isArray(b)) return compareArrays(a, b, undefined, schema, prior);
  if (isPlainObject(a) || isPlainObject(b)) {
    return compareObjects(
      a,
      b,
      schema,
      prior,
      () => undefined,
      () => undefined,
    );
  }
  return looseScalarEqual(a, b);
}

function compareArrays(
  x: unknown,
  y: unknown,
  element: ValueType | undefined,
  schema: TypeSchema,
  prior: Prior,
): boolean {
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
  // Tags are a set in every service; their order is noise (cdk#26350, aws-native#1486).
  if (element?.kind === 'tag') return sameMultiset(x, y, element, schema, prior);
  return x.every((item, i) => compare(item, y[i], element, schema, child(prior, i)));
}

function sameMultiset(x: unknown[], y: unknown[], element: ValueType, schema: TypeSchema, prior: Prior): boolean {
  const used = new Array<boolean>(y.length).fill(false);
  const unaligned = prior.strict ? prior : { strict: false as const, value: undefined };
  return x.every((item) => {
    const j = y.findIndex((other, k) => !used[k] && compare(item, other, element, schema, unaligned));
    if (j < 0) return false;
    used[j] = true;
    return true;
  });
}

function compareObjects(
  x: unknown,
  y: unknown,
  schema: TypeSchema,
  prior: Prior,
  typeOf: (key: string) => ValueType | undefined,
  defaultOf: (key: string) => unknown,
): boolean {
  if (!isPlainObject(x) || !isPlainObject(y)) return false;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) {
    const xv = x[key];
    const yv = y[key];
    if (isAbsent(xv) && isAbsent(yv)) continue;
    const type = typeOf(key);
    const fallback = defaultOf(key);
    const onlyOneSide = isAbsent(xv) ? yv : isAbsent(yv) ? xv : undefined;
    if (onlyOneSide !== undefined) {
      // Absent on one side and the default on the other: the service would read the same.
      if (fallback !== undefined && compare(onlyOneSide, fallback, type, schema, STRICT)) continue;
      // Only the service has it, and we never set it: a service-chosen value, not a change.
      if (isAbsent(xv) && !prior.strict && !hadKey(prior.value, key)) continue;
      return false;
    }
    if (!compare(xv, yv, type, schema, child(prior, key))) return false;
  }
  return true;
}

function hadKey(value: unknown, key: string): boolean {
  return isPlainObject(value) && !isAbsent(value[key]);
}

function child(prior: Prior, key: string | number): Prior {
  if (prior.strict) return prior;
  const value = prior.value;
  if (Array.isArray(value) && typeof key === 'number') return { strict: false, value: asContainer(value[key]) };
  if (isPlainObject(value) && typeof key === 'string')
    return { strict: false, value: asContainer((value as Plain)[key]) };
  return { strict: false, value: undefined };
}
