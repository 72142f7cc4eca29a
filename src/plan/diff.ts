/**
 * One resource's change: desired (manifest) against actual (GetResource), with lastApplied
 * (the ledger) to tell the user's edits from drift and from values the service chose.
 */
import type { TypeSchema } from '../schema/types.js';
import { containsUnknown } from '../template/unknown.js';
import { fingerprint } from './fingerprint.js';
import type { RuleName } from './normalize/rules.js';
import { hasWriteOnlyMembers, writeOnlyPart } from './normalize/write-only.js';
import { buildPatch } from './patch.js';
import { diffProperty, isReadOnly, isSensitive, isWriteOnly, pointer, type PropertyVerdict } from './property.js';
import { replaceReason, unverifiedNote, updateReason } from './reason.js';
import type { PropertyChange, ResourceChange } from './types.js';
import { isAbsent } from './values.js';

export interface DiffInput {
  /** Manifest resource name. */
  resource: string;
  schema: TypeSchema;
  region: string;
  /** undefined: the manifest no longer has it. */
  desired: Record<string, unknown> | undefined;
  /** GetResource Properties; undefined: does not exist. */
  actual: Record<string, unknown> | undefined;
  /** Desired state this engine last applied (from the ledger), if any. */
  lastApplied?: Record<string, unknown>;
  identifier?: string;
  dependsOn?: string[];
  /** Protected property names (`Name` or `/Name`): their changes are marked sensitive. */
  sensitive?: readonly string[];
  /** Default 'removed from manifest'. */
  removedReason?: string;
  /** Where the resource lives now, when the manifest moved it to `region`. */
  previousRegion?: string | undefined;
  /** The ledger recorded it, yet the read found nothing: someone deleted it. */
  deletedOutside?: boolean;
  /** The ledger name it had before a rename. */
  renamedFrom?: string | undefined;
  /**
   * Told, per property judged unchanged, which normalisation rules made its desired and actual
   * values equal though they differ as JSON (for tests and diagnostics; the plan is the same).
   */
  trace?: (property: string, rules: RuleName[]) => void;
}

export function diffResource(input: DiffInput): ResourceChange {
  const change = diffStates(input);
  if (input.renamedFrom !== undefined) change.reason = `${change.reason} (was '${input.renamedFrom}')`;
  return change;
}

function diffStates(input: DiffInput): ResourceChange {
  const { desired, actual } = input;
  const base = envelope(input);
  if (desired === undefined) {
    if (actual === undefined) return { ...base, action: 'noop', reason: 'already gone', changes: [] };
    return {
      ...base,
      action: 'delete',
      reason: input.removedReason ?? 'removed from manifest',
      changes: wholeResource(actual, input, 'remove'),
    };
  }
  if (actual === undefined) {
    const changes = wholeResource(desired, input, 'add');
    if (input.deletedOutside)
      return { ...base, action: 'create', reason: 'deleted outside the engine', drift: true, changes };
    return { ...base, action: 'create', reason: 'does not exist', changes };
  }
  if (input.previousRegion !== undefined && input.previousRegion !== input.region) {
    // Cloud Control resources live in one region: a new region is a new resource.
    const { patch: _patch, ...change } = diffExisting(input, desired, actual, base);
    return { ...change, action: 'replace', reason: `region changed from ${input.previousRegion} to ${input.region}` };
  }
  return diffExisting(input, desired, actual, base);
}

type Envelope = Omit<ResourceChange, 'action' | 'reason' | 'changes'>;

function envelope(input: DiffInput): Envelope {
  const base: Envelope = {
    resource: input.resource,
    type: input.schema.typeName,
    region: input.region,
    dependsOn: [...(input.dependsOn ?? [])],
  };
  if (input.identifier !== undefined) base.identifier = input.identifier;
  if (input.actual !== undefined) base.fingerprint = fingerprint(input.actual);
  return base;
}

/** Create and delete list every writable property, so a reporter can drill down into them. */
function wholeResource(
  properties: Record<string, unknown>,
  input: DiffInput,
  kind: 'add' | 'remove',
): PropertyChange[] {
  const sensitive = new Set(input.sensitive ?? []);
  const changes: PropertyChange[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (isAbsent(value) || isReadOnly(input.schema, name)) continue;
    const change: PropertyChange =
      kind === 'add' ? { path: pointer(name), kind, after: value } : { path: pointer(name), kind, before: value };
    if (kind === 'add' && containsUnknown(value)) change.unknown = true;
    if (isSensitive(name, sensitive)) change.sensitive = true;
    changes.push(change);
  }
  return changes;
}

function diffExisting(
  input: DiffInput,
  desired: Record<string, unknown>,
  actual: Record<string, unknown>,
  base: Envelope,
): ResourceChange {
  const { schema, lastApplied } = input;
  const sensitive = new Set(input.sensitive ?? []);
  const names = candidateNames(schema, desired, lastApplied);
  const verdicts = new Map<string, PropertyVerdict>();
  /** Create-only values the read does not report: without a ledger, never compared. */
  const unread: string[] = [];
  for (const name of names) {
    const notes: RuleName[] = [];
    const verdict = diffProperty(name, { schema, desired, actual, lastApplied, sensitive, notes });
    if (verdict) verdicts.set(name, verdict);
    else if (notes.length > 0) input.trace?.(name, [...new Set(notes)]);
    if (!verdict && lastApplied === undefined && notes.includes('create-only-unread')) unread.push(name);
  }
  const all = [...verdicts.values()];
  const changes = all.map((v) => v.change);
  const drift: { drift?: true } = all.some((v) => v.drift) ? { drift: true } : {};
  const unverified =
    lastApplied === undefined ? writeOnlyIn(schema, desired).filter((name) => !verdicts.has(name)) : [];

  const forcing = all.filter((v) => v.createOnly);
  if (forcing.length > 0) {
    return { ...base, ...drift, action: 'replace', reason: replaceReason(forcing), changes };
  }
  if (all.length === 0) {
    return { ...base, action: 'noop', reason: `up to date${unverifiedNote(unverified, unread)}`, changes: [] };
  }
  // An update re-sends every updatable write-only value, so only create-only ones stay unverified.
  const stillUnverified = unverified.filter((name) => schema.properties[name]?.createOnly);
  return {
    ...base,
    ...drift,
    action: 'update',
    reason: updateReason(all) + unverifiedNote(stillUnverified, unread),
    changes,
    patch: buildPatch(names, verdicts, desired, schema),
  };
}

/**
 * The properties worth a look: everything in the manifest, then what we set last time and the
 * manifest dropped. A property only the read has is the service's choice and never a change.
 */
function candidateNames(
  schema: TypeSchema,
  desired: Record<string, unknown>,
  lastApplied: Record<string, unknown> | undefined,
): string[] {
  const names = new Set(Object.keys(desired));
  for (const name of Object.keys(lastApplied ?? {})) names.add(name);
  return [...names].filter((name) => !isReadOnly(schema, name));
}

/** Properties whose declared value is, or holds, something write-only. */
function writeOnlyIn(schema: TypeSchema, desired: Record<string, unknown>): string[] {
  return Object.keys(desired).filter((name) => {
    if (isAbsent(desired[name])) return false;
    if (isWriteOnly(schema, name)) return true;
    return hasWriteOnlyMembers(schema, name) && writeOnlyPart(schema, desired[name], [name]) !== undefined;
  });
}
