/**
 * Canonical JSON: the same data always gives the same text, whatever the key order it was
 * built in, so hashes of desired state compare across runs and machines. Object keys are
 * sorted by UTF-16 code units and written here by hand, because a JS object would put
 * integer-like keys first whatever order they were inserted in. Numbers and strings are
 * written as JSON.stringify writes them, which makes this the RFC 8785 (JCS) form for
 * ordinary data. Otherwise it follows JSON.stringify: `toJSON` is honoured, undefined and
 * functions are dropped from objects and become null in arrays, non-finite numbers are null.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return write(value, new Set()) ?? 'null';
}

/** sha256, hex, of `canonicalJson(value)`. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

/** undefined means "not representable" (dropped from objects, null in arrays). */
function write(input: unknown, ancestors: Set<object>): string | undefined {
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError('canonicalJson: a BigInt has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.has(object)) throw new TypeError('canonicalJson: circular structure');
  ancestors.add(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item: unknown) => write(item, ancestors) ?? 'null').join(',')}]`;
  } else {
    const record = object as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = write(record[key], ancestors);
      if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`);
    }
    text = `{${parts.join(',')}}`;
  }
  ancestors.delete(object);
  return text;
}
