/**
 * StackQL's functions beyond SQLite's own (JSON1 is built in), as stackql documents them:
 * JSON_EQUAL (same JSON, whatever the key order or spacing), AWS_POLICY_EQUAL (same IAM
 * policy or tag list: element order and a one-element list versus its element do not matter),
 * split_part (PostgreSQL's), and REGEXP / regexp_like.
 */
import type { SqlValue } from './types.js';

function parse(value: SqlValue): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value; // not JSON: compare as the text it is
  }
}

function canonical(value: unknown, unordered: boolean): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v, unordered));
    if (!unordered) return `[${items.join(',')}]`;
    if (items.length === 1) return items[0] as string;
    return `[${items.sort().join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, unordered)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function equalJson(unordered: boolean) {
  return (a: SqlValue, b: SqlValue): number | null => {
    if (a === null || b === null) return null;
    return canonical(parse(a), unordered) === canonical(parse(b), unordered) ? 1 : 0;
  };
}

export const jsonEqual = equalJson(false);
export const awsPolicyEqual = equalJson(true);

/** `split_part('a/b/c', '/', 2)` → `b`; beyond the last part → ''; negative counts from the end. */
export function splitPart(text: SqlValue, delimiter: SqlValue, index: SqlValue): string | null {
  if (text === null || delimiter === null || index === null) return null;
  const parts = delimiter === '' ? [String(text)] : String(text).split(String(delimiter));
  const n = Math.trunc(Number(index));
  if (n === 0) throw new Error('split_part: field position must not be zero');
  return (n > 0 ? parts[n - 1] : parts[parts.length + n]) ?? '';
}

/** `x REGEXP pattern` calls regexp(pattern, x). */
export function regexp(pattern: SqlValue, text: SqlValue): number | null {
  if (pattern === null || text === null) return null;
  return new RegExp(String(pattern)).test(String(text)) ? 1 : 0;
}

export const FUNCTIONS: Record<string, (...args: SqlValue[]) => SqlValue> = {
  json_equal: jsonEqual,
  aws_policy_equal: awsPolicyEqual,
  split_part: splitPart,
  regexp: regexp,
  regexp_like: (text: SqlValue, pattern: SqlValue) => regexp(pattern, text),
};
