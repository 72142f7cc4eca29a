/**
 * Reading a value the way a schema type means it. Cloud Control reads and rendered templates
 * disagree on representation (`"30000"` vs `30000`, a policy as a JSON string vs an object), and
 * treating those as differences is the classic source of perpetual diffs.
 */
export { isObject as isPlainObject } from '../common/index.js';

export type Plain = Record<string, unknown>;

/** null and undefined both mean "not set": a rendered `null` is how a template unsets a value. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function isContainer(value: unknown): value is Plain | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** A number, or a string that is exactly one (blank strings are not zero). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : undefined;
}

/** A boolean, or the strings `true` / `false` in any case. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return undefined;
}

/** The text form of a scalar, so `1` and `"1"` agree for a string-typed property. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A string holding JSON becomes its parsed value; anything else (or invalid JSON) is itself. */
export function parseIfJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * Only strings that look like a JSON object or array are parsed when a container is expected,
 * so a plain string such as `"5"` stays a string and still differs from an object.
 */
export function asContainer(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return value;
  return parseIfJson(text);
}

/** Scalars of unknown type: equal when they read the same as a number or a boolean. */
export function looseScalarEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === typeof b) return false;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumber(a);
    return x !== undefined && x === toNumber(b);
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const x = toBoolean(a);
    return x !== undefined && x === toBoolean(b);
  }
  return false;
}
