/**
 * Scalars by schema type. Cloud Control reads and rendered templates disagree on representation
 * (`"30000"` vs `30000`, `"true"` vs `true`), and treating those as differences is the classic
 * source of perpetual diffs.
 */

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

export function sameNumber(a: unknown, b: unknown): boolean {
  const n = toNumber(a);
  return n !== undefined && n === toNumber(b);
}

export function sameBoolean(a: unknown, b: unknown): boolean {
  const x = toBoolean(a);
  return x !== undefined && x === toBoolean(b);
}

/** Date-times name the same instant, whatever the precision or zone spelling. */
export function sameInstant(a: unknown, b: unknown): boolean {
  if (scalarText(a) === scalarText(b)) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const t = Date.parse(a);
  return Number.isFinite(t) && t === Date.parse(b);
}

/** Scalars of unknown type: equal when they read the same as a number or a boolean. */
export function looseScalarEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === typeof b) return false;
  if (typeof a === 'number' || typeof b === 'number') return sameNumber(a, b);
  if (typeof a === 'boolean' || typeof b === 'boolean') return sameBoolean(a, b);
  return false;
}
