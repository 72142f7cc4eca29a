/**
 * The verdict for one top-level property of an existing resource: is it a change, of what kind,
 * and is it the user's edit or drift. Three inputs decide: desired (the manifest), actual (the
 * read) and lastApplied (what we set last time — our memory of what we own).
 */
import type { TypeSchema } from '../schema/types.js';
import { containsUnknown } from '../template/unknown.js';
import { isAbsent } from './coerce.js';
import { matchesActual, valuesEqual } from './equal.js';
import type { PropertyChange } from './types.js';

export interface PropertyVerdict {
  name: string;
  change: PropertyChange;
  /** Desired equals lastApplied but actual differs: someone changed it outside the engine. */
  drift: boolean;
  createOnly: boolean;
  writeOnly: boolean;
}

export interface PropertyInputs {
  schema: TypeSchema;
  desired: Record<string, unknown>;
  actual: Record<string, unknown>;
  lastApplied: Record<string, unknown> | undefined;
  sensitive: ReadonlySet<string>;
}

/** JSON pointer for a top-level property name (RFC 6901 escaping). */
export function pointer(name: string): string {
  return `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function isWriteOnly(schema: TypeSchema, name: string): boolean {
  return schema.writeOnly.includes(name);
}

/** Read-only names never appear in a change or a patch, even if a manifest sets them. */
export function isReadOnly(schema: TypeSchema, name: string): boolean {
  return Object.hasOwn(schema.readOnly, name);
}

/** The verdict for `name`, or undefined when it is not a change. */
export function diffProperty(name: string, inputs: PropertyInputs): PropertyVerdict | undefined {
  const { schema, desired, actual, lastApplied } = inputs;
  const prop = schema.properties[name];
  const type = prop?.type;
  const writeOnly = isWriteOnly(schema, name);
  const d = present(desired[name]);
  // A read never returns a write-only property; whatever came back is not evidence.
  const a = writeOnly ? undefined : present(actual[name]);
  const l = present(lastApplied?.[name]);
  const verdict = (change: Omit<PropertyChange, 'path'>, drift = false): PropertyVerdict => ({
    name,
    change: mark(name, { path: pointer(name), ...change }, inputs, prop?.createOnly === true),
    drift,
    createOnly: prop?.createOnly === true,
    writeOnly,
  });

  if (d === undefined) {
    // Not in the manifest: ours to remove only if we set it; otherwise the service chose it.
    if (l === undefined) return undefined;
    if (writeOnly) return verdict({ kind: 'remove', before: l });
    if (a === undefined) return undefined;
    return verdict({ kind: 'remove', before: a });
  }

  // The baseline: write-only properties can only be compared with what we sent last time.
  const before = writeOnly ? l : a;
  if (containsUnknown(d)) {
    return verdict({ kind: before === undefined ? 'add' : 'change', before, after: d, unknown: true });
  }

  if (writeOnly) {
    // No ledger: nothing to compare with. Assume unchanged (diffResource notes it in the reason);
    // an update re-sends it anyway, so only an otherwise up-to-date resource can hide an edit.
    if (lastApplied === undefined) return undefined;
    if (l !== undefined && valuesEqual(d, l, type, schema)) return undefined;
    return verdict({ kind: l === undefined ? 'add' : 'change', before: l, after: d });
  }

  if (a === undefined) {
    // Services omit properties left at their default; omitted and default are the same state.
    if (prop?.default !== undefined && valuesEqual(d, prop.default, type, schema)) return undefined;
  } else if (matchesActual(d, a, type, schema, l)) {
    return undefined;
  }
  const drift = l !== undefined && valuesEqual(d, l, type, schema);
  return verdict({ kind: a === undefined ? 'add' : 'change', before: a, after: d }, drift);
}

function mark(name: string, change: PropertyChange, inputs: PropertyInputs, createOnly: boolean): PropertyChange {
  const marked: PropertyChange = dropUndefined(change);
  if (createOnly) marked.forcesReplacement = true;
  if (isSensitive(name, inputs.sensitive)) marked.sensitive = true;
  return marked;
}

export function isSensitive(name: string, sensitive: ReadonlySet<string>): boolean {
  return sensitive.has(name) || sensitive.has(pointer(name));
}

/** Normalise "not set": null in a manifest unsets a property just as leaving it out does. */
function present(value: unknown): unknown {
  return isAbsent(value) ? undefined : value;
}

/** Keep saved plans free of `"before": undefined` noise (and exact-equality tests honest). */
function dropUndefined(change: PropertyChange): PropertyChange {
  const out = { ...change };
  if (out.before === undefined) delete out.before;
  if (out.after === undefined) delete out.after;
  if (out.unknown === undefined) delete out.unknown;
  return out;
}
