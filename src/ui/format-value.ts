/**
 * How one property value reads in a plan diff. Values whose producer does not exist yet carry
 * `«unknown:…»` tokens (src/template/unknown.ts); showing the raw token would leak an internal
 * spelling, so any value holding one reads as `(known after apply)`, as in Terraform.
 */
import { SENSITIVE } from '../common/index.js';
import { containsUnknown } from '../template/unknown.js';
import type { PropertyChange } from '../plan/types.js';
import { plain } from './words.js';

export const KNOWN_AFTER_APPLY = '(known after apply)';
export { SENSITIVE };

/** A value as one line: strings quoted, objects and arrays as compact JSON. */
export function formatValue(value: unknown): string {
  if (containsUnknown(value)) return KNOWN_AFTER_APPLY;
  if (value === undefined) return 'null';
  if (typeof value === 'string') return plain(JSON.stringify(value));
  try {
    return plain(JSON.stringify(value) ?? String(value));
  } catch {
    // Cycles or BigInt: a plan is JSON data, so this is a producer bug; show something anyway.
    return String(value);
  }
}

/** The new value of a change, masked or deferred as the change says. */
export function formatAfter(change: PropertyChange): string {
  if (change.sensitive === true) return SENSITIVE;
  if (change.unknown === true) return KNOWN_AFTER_APPLY;
  return formatValue(change.after);
}

/** The old value of a change, masked when sensitive. */
export function formatBefore(change: PropertyChange): string {
  if (change.sensitive === true) return SENSITIVE;
  return formatValue(change.before);
}

/**
 * A JSON pointer below the resource's properties as people write it:
 * `/Tags/0/Key` → `Tags[0].Key`, with `~1` and `~0` unescaped.
 */
export function propertyLabel(pointer: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let label = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) label += `[${segment}]`;
    else label += label === '' ? segment : `.${segment}`;
  }
  return plain(label === '' ? pointer : label);
}
