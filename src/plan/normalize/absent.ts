/**
 * Reads leave out what is switched off or empty: a feature disabled (`{"SSEEnabled": false}`),
 * an empty list or map, an empty text. So a declared value that says "nothing" or "off"
 * matches a read without it — unless the schema gives a default, which then decides (a
 * property that defaults to true and is declared false is not off when left out).
 */
import { isPlainObject } from '../values.js';

/** false, '', an empty list or object, a list of nulls, an object of such values. */
export function isOff(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return true;
  if (Array.isArray(value)) return value.every((item) => item === null || item === undefined);
  if (isPlainObject(value)) return Object.values(value).every(isOff);
  return false;
}

/** Null elements carry nothing: services serialise an empty filter as `[null]`. */
export function withoutNullElements(items: unknown[]): unknown[] {
  return items.some((item) => item === null || item === undefined)
    ? items.filter((item) => item !== null && item !== undefined)
    : items;
}
