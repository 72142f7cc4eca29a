/**
 * The verdict for one top-level property of an existing resource: is it a change, of what kind,
 * and is it the user's edit or drift. Three inputs decide: desired (the manifest), actual (the
 * read) and lastApplied (what we set last time — our memory of what we own).
 */
import type { TypeSchema } from '../schema/types.js';
import { containsUnknown } from '../template/unknown.js';
import { matchesAbsent, matchesActual, readsAsUnset, valuesEqual } from './equal.js';
import { changedCreateOnlyPaths } from './normalize/create-only.js';
import type { RuleNotes } from './normalize/rules.js';
import { hasWriteOnlyMembers, writeOnlyPart } from './normalize/write-only.js';
import type { PropertyChange } from './types.js';
import { present } from './values.js';

export interface PropertyVerdict {
  name: string;
  change: PropertyChange;
  /** Desired equals lastApplied but actual differs: someone changed it outside the engine. */
  drift: boolean;
  /** The change forces a replacement: the property, or a declared member of it, is create-only. */
  createOnly: boolean;
  /** What is create-only, for the reason: the property name, or its nested paths. */
  forcedBy: string[];
  writeOnly: boolean;
}

export interface PropertyInputs {
  schema: TypeSchema;
  desired: Record<string, unknown>;
  actual: Record<string, unknown>;
  lastApplied: Record<string, unknown> | undefined;
  sensitive: ReadonlySet<string>;
  /** Receives the normalisation rules that judged an unchanged property unchanged. */
  notes?: RuleNotes;
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
  const notes: RuleNotes = [];
  const options = { path: [name], notes };
  const unchanged = (): undefined => {
    inputs.notes?.push(...notes);
    return undefined;
  };
  const verdict = (
    change: Omit<PropertyChange, 'path'>,
    drift = false,
    forcedBy = createOnlyName(),
  ): PropertyVerdict => ({
    name,
    change: mark(name, { path: pointer(name), ...change }, inputs, forcedBy.length > 0),
    drift,
    createOnly: forcedBy.length > 0,
    forcedBy,
    writeOnly,
  });
  function createOnlyName(): string[] {
    return prop?.createOnly ? [name] : [];
  }

  if (d === undefined) {
    // Not in the manifest: ours to remove only if we set it; otherwise the service chose it.
    if (l === undefined) return undefined;
    if (writeOnly) return verdict({ kind: 'remove', before: l });
    if (a === undefined || readsAsUnset(a, type, schema, prop?.default, options)) return unchanged();
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
    notes.push('write-only');
    if (lastApplied === undefined) return unchanged();
    if (l !== undefined && valuesEqual(d, l, type, schema, options)) return unchanged();
    return verdict({ kind: l === undefined ? 'add' : 'change', before: l, after: d });
  }

  if (a === undefined && prop?.createOnly && !matchesAbsent(d, type, schema, prop.default, options)) {
    // An immutable value cannot have been removed: the read just does not report it. Like a
    // write-only value, only lastApplied can say whether the user changed it.
    notes.push('create-only-unread');
    if (lastApplied === undefined) return unchanged();
    if (l !== undefined && valuesEqual(d, l, type, schema, options)) return unchanged();
    return verdict({ kind: l === undefined ? 'add' : 'change', before: l, after: d });
  }

  const readAgrees =
    a === undefined
      ? // Services omit what is at its default, off or empty: the same state as declared.
        matchesAbsent(d, type, schema, prop?.default, options)
      : matchesActual(d, a, type, schema, l, options);
  if (readAgrees) {
    // The read cannot show write-only members; only lastApplied can say whether they changed.
    if (!writeOnlyMembersEdited(name, d, l, lastApplied !== undefined, inputs)) return unchanged();
    return verdict({ kind: 'change', before: l, after: d });
  }
  const drift = l !== undefined && valuesEqual(d, l, type, schema, { path: [name] });
  const forcedBy = prop?.createOnly
    ? [name]
    : changedCreateOnlyPaths(schema, name, d, a, (x, y, path) =>
        matchesActual(x, y, undefined, schema, undefined, { path }),
      ).map((path) => path.join('.'));
  return verdict({ kind: a === undefined ? 'add' : 'change', before: a, after: d }, drift, forcedBy);
}

/** The user changed a write-only member since the last apply (never known without a ledger). */
function writeOnlyMembersEdited(
  name: string,
  desired: unknown,
  lastApplied: unknown,
  hasLedger: boolean,
  inputs: PropertyInputs,
): boolean {
  const { schema } = inputs;
  if (!hasLedger || !hasWriteOnlyMembers(schema, name)) return false;
  const type = schema.properties[name]?.type;
  const path = [name];
  return !valuesEqual(writeOnlyPart(schema, desired, path), writeOnlyPart(schema, lastApplied, path), type, schema, {
    path,
  });
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

/** Keep saved plans free of `"before": undefined` noise (and exact-equality tests honest). */
function dropUndefined(change: PropertyChange): PropertyChange {
  const out = { ...change };
  if (out.before === undefined) delete out.before;
  if (out.after === undefined) delete out.after;
  if (out.unknown === undefined) delete out.unknown;
  return out;
}
