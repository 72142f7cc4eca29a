/**
 * The state of one comparison as it walks down two values: the mode, where it is (for
 * write-only and create-only paths, tags and header lists), what we last applied at this depth,
 * and the rules it has used so far.
 */
import type { TypeSchema, ValueType } from '../../schema/types.js';
import type { WalkPath } from '../normalize/paths.js';
import type { RuleName, RuleNotes } from '../normalize/rules.js';
import { asContainer } from '../normalize/json-text.js';

/** The whole comparison, handed down the walk so the parts that recurse need not import it. */
export type Compare = (x: unknown, y: unknown, type: ValueType | undefined, w: Walk) => boolean;

export interface Walk {
  compare: Compare;
  schema: TypeSchema;
  /** Two values the user wrote (symmetric, order and every member count), or desired vs the read. */
  strict: boolean;
  /** Against the read: what we last applied at this depth (undefined: no record). */
  prior: unknown;
  path: WalkPath;
  /** The member name the value sits under, if any (tags and versions are found by it). */
  key: string | undefined;
  /** For a list element: the member name of the list (header lists are found by it). */
  list: string | undefined;
  notes: RuleNotes;
}

export function note(w: Walk, rule: RuleName): true {
  w.notes.push(rule);
  return true;
}

/** The same place, with notes that go nowhere: for trials whose outcome is not the verdict. */
export function quiet(w: Walk): Walk {
  return { ...w, notes: [] };
}

/** A strict side comparison (a value against the schema default). */
export function probe(w: Walk): Walk {
  return { ...w, strict: true, notes: [] };
}

export function memberWalk(w: Walk, key: string, prior: unknown): Walk {
  return { ...w, path: [...w.path, key], key, list: undefined, prior: asContainer(prior) };
}

export function elementWalk(w: Walk, prior: unknown, notes: RuleNotes = w.notes): Walk {
  return { ...w, path: [...w.path, '*'], key: undefined, list: w.key, prior: asContainer(prior), notes };
}

/** How to read an object's members: their types and defaults; a map's keys are data. */
export interface Members {
  typeOf: (key: string) => ValueType | undefined;
  defaultOf: (key: string) => unknown;
  /** A map: an entry exists or not, whatever its value. */
  entries: boolean;
}

export const UNTYPED: Members = { typeOf: () => undefined, defaultOf: () => undefined, entries: false };

export function membersOf(type: ValueType | undefined, schema: TypeSchema): Members {
  if (type?.kind === 'map') {
    const element = type.element;
    return { typeOf: () => element, defaultOf: () => undefined, entries: true };
  }
  if (type?.kind !== 'ref') return UNTYPED;
  const def = schema.definitions[type.ref];
  if (!def) return UNTYPED;
  return {
    typeOf: (key) => def.properties[key]?.type,
    defaultOf: (key) => def.properties[key]?.default,
    entries: false,
  };
}
