/**
 * Equality for planning purposes: one walk over two values, by schema type, applying the
 * normalisation rules of ./normalize at every depth. Two modes:
 *
 * - strict (`valuesEqual`): symmetric, for two values the user wrote (desired against
 *   lastApplied); representation aside, every member and every element counts, in order.
 * - against the read (`matchesActual`): desired against what GetResource returned, with the
 *   last-applied value as the memory of what we own. The read is evidence only of what the user
 *   declared: a member or an unordered-list element only the service has is a difference only
 *   if we had set it before (the user removed it); write-only members are never compared; the
 *   order of a list is the service's unless the user reordered it; a declared "off" value
 *   matches a read that leaves it out.
 */
import type { TypeSchema, ValueType } from '../schema/types.js';
import { isOff, withoutNullElements } from './normalize/absent.js';
import { sameArnOrName } from './normalize/arn-name.js';
import { sameEnumValue } from './normalize/enum-case.js';
import { holdsHeaderNames, sameHeaderName } from './normalize/header-names.js';
import { asContainer, isJsonContainerText, parseIfJson } from './normalize/json-text.js';
import { matchElements } from './normalize/multiset.js';
import type { WalkPath } from './normalize/paths.js';
import { canonicalPolicy, isPolicyDocument } from './normalize/policy-document.js';
import { isTagCollection, withoutReservedTags } from './normalize/reserved-tags.js';
import { attempt, type RuleName, type RuleNotes } from './normalize/rules.js';
import { looseScalarEqual, sameBoolean, sameInstant, sameNumber, scalarText } from './normalize/scalars.js';
import { sameSshPublicKey } from './normalize/ssh-public-key.js';
import { isWriteOnlyPath } from './normalize/write-only.js';
import { aliasResolvedToKey } from './normalize/kms-alias.js';
import { isContainer, isPlainObject, present, type Plain } from './values.js';
import { stableJson } from './fingerprint.js';

/** Where a comparison starts and what it reports. */
export interface CompareOptions {
  /** The path of the value: its property name first (write-only paths and tags need it). */
  path?: WalkPath;
  /** Receives the rules that made unequal-looking values equal. */
  notes?: RuleNotes;
}

interface Walk {
  schema: TypeSchema;
  strict: boolean;
  /** Against the read: what we last applied at this depth (undefined: no record). */
  prior: unknown;
  path: WalkPath;
  /** The member name the value sits under, if any (tags are found by it). */
  key: string | undefined;
  /** For a list element: the member name of the list. */
  list: string | undefined;
  notes: RuleNotes;
}

function start(schema: TypeSchema, strict: boolean, prior: unknown, options: CompareOptions): Walk {
  const path = options.path ?? [];
  return { schema, strict, prior, path, key: path[path.length - 1], list: undefined, notes: options.notes ?? [] };
}

/** Values equal for planning purposes, by schema type (numeric strings, JSON strings, key order). */
export function valuesEqual(
  a: unknown,
  b: unknown,
  type: ValueType | undefined,
  schema: TypeSchema,
  options: CompareOptions = {},
): boolean {
  return compare(a, b, type, start(schema, true, undefined, options));
}

/**
 * Desired matches actual (the read), ignoring what the service added that `lastApplied` never
 * held. `lastApplied` undefined means "no record": every service-only member is ignored.
 */
export function matchesActual(
  desired: unknown,
  actual: unknown,
  type: ValueType | undefined,
  schema: TypeSchema,
  lastApplied: unknown,
  options: CompareOptions = {},
): boolean {
  return compare(desired, actual, type, start(schema, false, asContainer(present(lastApplied)), options));
}

/**
 * A declared value matches a read that leaves it out: it is the schema default, or (with no
 * default to say otherwise) off or empty, or made only of such members and write-only ones.
 */
export function matchesAbsent(
  desired: unknown,
  type: ValueType | undefined,
  schema: TypeSchema,
  fallback: unknown,
  options: CompareOptions = {},
): boolean {
  return absentMatches(present(desired), type, fallback, start(schema, false, undefined, options));
}

/**
 * A value only the read has, for a property we set before and the manifest dropped: already
 * gone when it is the default or reads as off.
 */
export function readsAsUnset(
  actual: unknown,
  type: ValueType | undefined,
  schema: TypeSchema,
  fallback: unknown,
  options: CompareOptions = {},
): boolean {
  const w = start(schema, false, undefined, options);
  return unsetLike(present(actual), type, fallback, w);
}

/** A strict side comparison (with a default) whose notes are not the verdict's. */
function probe(w: Walk): Walk {
  return { ...w, strict: true, notes: [] };
}

function note(w: Walk, rule: RuleName): true {
  w.notes.push(rule);
  return true;
}

function compare(x: unknown, y: unknown, type: ValueType | undefined, w: Walk): boolean {
  const a = present(x);
  const b = present(y);
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (isPolicyDocument(a) && isPolicyDocument(b)) return comparePolicies(a, b, w);
  if (type === undefined) return generic(a, b, w);
  switch (type.kind) {
    case 'integer':
    case 'number':
      return scalar(a, b, w, () => typed(w, sameNumber(a, b)));
    case 'boolean':
      return scalar(a, b, w, () => typed(w, sameBoolean(a, b)));
    case 'date-time':
      return scalar(a, b, w, () => typed(w, sameInstant(a, b)));
    case 'string':
      return scalar(a, b, w, () => sameText(a, b, w, type.allowed));
    case 'null':
      return false;
    case 'json':
    case 'tag':
      return generic(a, b, w);
    case 'array':
      return compareArrays(asContainer(a), asContainer(b), type.element, type.unordered === true, w);
    case 'map': {
      const element = type.element;
      return compareMembers(
        asContainer(a),
        asContainer(b),
        w,
        () => element,
        () => undefined,
        true,
      );
    }
    case 'ref': {
      const def = w.schema.definitions[type.ref];
      if (!def) return generic(a, b, w);
      return compareMembers(
        asContainer(a),
        asContainer(b),
        w,
        (key) => def.properties[key]?.type,
        (key) => def.properties[key]?.default,
      );
    }
    case 'union':
      if (type.types.length === 0) return generic(a, b, w);
      return type.types.some((t) => attempt(w.notes, () => compare(a, b, t, w)));
  }
}

/** Scalar types: a container on either side means the schema and the value disagree; fall back. */
function scalar(a: unknown, b: unknown, w: Walk, test: () => boolean): boolean {
  if (isContainer(a) || isContainer(b)) return generic(a, b, w);
  if (isJsonContainerText(a) && isJsonContainerText(b)) return generic(a, b, w);
  return test();
}

function typed(w: Walk, same: boolean): boolean {
  return same && note(w, 'scalar-type');
}

/** Texts: the same characters, or the same value spelled another way. */
function sameText(a: unknown, b: unknown, w: Walk, allowed?: string[]): boolean {
  const x = scalarText(a);
  const y = scalarText(b);
  if (x === y) return x !== undefined && note(w, 'scalar-type');
  if (sameEnumValue(x, y, allowed)) return note(w, 'enum-case');
  if (sameArnOrName(x, y)) return note(w, 'arn-name');
  if (sameSshPublicKey(x, y)) return note(w, 'ssh-key');
  if (holdsHeaderNames(w.list) && sameHeaderName(x, y)) return note(w, 'header-case');
  // Only the read resolves an alias; between two values the user wrote, an alias is a name.
  if (!w.strict && aliasResolvedToKey(x, y)) return note(w, 'kms-alias');
  return false;
}

/** No schema type: structural, key-order-insensitive, scalars read loosely. */
function generic(x: unknown, y: unknown, w: Walk): boolean {
  const a = isContainer(y) || isJsonContainerText(y) ? asContainer(x) : x;
  const b = isContainer(a) ? asContainer(y) : y;
  if (a !== x || b !== y) note(w, 'json-text');
  if (Array.isArray(a) || Array.isArray(b)) return compareArrays(a, b, undefined, false, w);
  if (isPlainObject(a) || isPlainObject(b)) {
    return compareMembers(
      a,
      b,
      w,
      () => undefined,
      () => undefined,
    );
  }
  if (looseScalarEqual(a, b)) return note(w, 'scalar-type');
  return sameText(a, b, w);
}

/**
 * Policies compare in canonical form and strictly: a member the service added to a policy
 * (a Condition, a Principal) changes what it allows, so it is never "the service's choice".
 */
function comparePolicies(a: unknown, b: unknown, w: Walk): boolean {
  const x = canonicalPolicy(a);
  const y = canonicalPolicy(b);
  const same = stableJson(x) === stableJson(y);
  if (same && stableJson(parseIfJson(a)) !== stableJson(parseIfJson(b))) note(w, 'policy');
  return same;
}

function compareArrays(x: unknown, y: unknown, element: ValueType | undefined, unordered: boolean, w: Walk): boolean {
  if (!Array.isArray(x) || !Array.isArray(y)) return false;
  let xs = withoutNullElements(x);
  let ys = withoutNullElements(y);
  if (xs !== x || ys !== y) note(w, 'null-element');
  const tags = isTagCollection(w.key, w.schema.tagProperty, element?.kind === 'tag');
  if (tags) {
    const [fx, fy] = [withoutReservedTags(xs) as unknown[], withoutReservedTags(ys) as unknown[]];
    if (fx !== xs || fy !== ys) note(w, 'reserved-tag');
    [xs, ys] = [fx, fy];
  }
  // Tags are a set in every service; their order is noise (cdk#26350, aws-native#1486).
  if (unordered || tags) return sameElements(xs, ys, element, w, true);
  if (xs.length === ys.length && attempt(w.notes, () => alignedElements(xs, ys, element, w))) return true;
  if (w.strict || xs.length !== ys.length) return false;
  // The read's order of a list is the service's (DynamoDB indexes, prefix-list entries and
  // VPC subnets come back sorted), unless the user reordered it since the last apply.
  if (Array.isArray(w.prior) && !valuesEqual(xs, w.prior, arrayOf(element), w.schema, { path: w.path })) return false;
  return sameElements(xs, ys, element, w, false) && note(w, 'service-order');
}

function arrayOf(element: ValueType | undefined): ValueType | undefined {
  return element ? { kind: 'array', element } : undefined;
}

function alignedElements(xs: unknown[], ys: unknown[], element: ValueType | undefined, w: Walk): boolean {
  const prior = Array.isArray(w.prior) ? w.prior : [];
  return xs.every((item, i) => compare(item, ys[i], element, elementWalk(w, prior[i])));
}

/**
 * Elements as a multiset. Strict: the same elements, as many. Against the read: every declared
 * element has its own read element; a read element left over is a difference only if the user
 * removed it (it matches a last-applied element no declared one stands for) — and, for an
 * ordered list, not at all: its length must agree.
 */
function sameElements(
  xs: unknown[],
  ys: unknown[],
  element: ValueType | undefined,
  w: Walk,
  extrasAllowed: boolean,
): boolean {
  if (w.strict || !extrasAllowed) {
    if (xs.length !== ys.length) return false;
  }
  const prior = Array.isArray(w.prior) ? w.prior.map((p) => asContainer(p)) : [];
  const contains = (big: unknown, small: unknown): boolean =>
    compare(small, big, element, { ...w, strict: false, prior: undefined, notes: [] });
  const priorOf = (item: unknown): unknown => (w.strict ? undefined : prior.find((p) => contains(p, item)));
  const matched = matchElements(xs.length, ys.length, (i, j) =>
    compare(xs[i], ys[j], element, elementWalk(w, priorOf(xs[i]), [])),
  );
  if (!matched) return false;
  // Replay the chosen pairs only, so the notes say what decided, not what was tried.
  matched.forEach((j, i) => compare(xs[i], ys[j], element, elementWalk(w, priorOf(xs[i]))));
  if (!sameOrder(matched)) note(w, 'unordered');
  if (xs.length === ys.length) return true;
  const taken = new Set(matched);
  const extras = ys.filter((_, j) => !taken.has(j));
  const removed = prior.filter((p) => !xs.some((item) => contains(p, item)));
  if (extras.some((extra) => removed.some((p) => contains(extra, p)))) return false;
  return note(w, 'undeclared');
}

function sameOrder(matched: number[]): boolean {
  return matched.every((j, i) => j === i);
}

function elementWalk(w: Walk, prior: unknown, notes: RuleNotes = w.notes): Walk {
  return { ...w, prior: asContainer(prior), path: [...w.path, '*'], key: undefined, list: w.key, notes };
}

/**
 * Objects and maps, member by member. A map's keys are data (`entries`): an entry exists or it
 * does not, whatever its value, so the off-is-absent rule applies to object members only.
 */
function compareMembers(
  x: unknown,
  y: unknown,
  w: Walk,
  typeOf: (key: string) => ValueType | undefined,
  defaultOf: (key: string) => unknown,
  entries = false,
): boolean {
  if (!isPlainObject(x) || !isPlainObject(y)) return false;
  let a: Plain = x;
  let b: Plain = y;
  if (isTagCollection(w.key, w.schema.tagProperty, false)) {
    a = withoutReservedTags(x) as Plain;
    b = withoutReservedTags(y) as Plain;
    if (a !== x || b !== y) note(w, 'reserved-tag');
  }
  const prior = isPlainObject(w.prior) ? w.prior : undefined;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const path = [...w.path, key];
    const xv = present(a[key]);
    const yv = present(b[key]);
    if (xv === undefined && yv === undefined) continue;
    if (!w.strict && isWriteOnlyPath(w.schema, path)) {
      note(w, 'write-only');
      continue;
    }
    const type = typeOf(key);
    const fallback = defaultOf(key);
    const member: Walk = { ...w, path, key, list: undefined, prior: asContainer(present(prior?.[key])) };
    if (xv === undefined) {
      // Only the read (or, strict, the other side) has it.
      if (fallback !== undefined && compare(yv, fallback, type, probe(member))) {
        note(w, 'default');
        continue;
      }
      if (w.strict) return false;
      // A service-chosen value, unless we set it before and the manifest dropped it.
      if (member.prior === undefined) {
        note(w, 'undeclared');
        continue;
      }
      if (!entries && unsetLike(yv, type, fallback, member)) continue;
      return false;
    }
    if (yv === undefined) {
      if (w.strict) {
        if (fallback !== undefined && compare(xv, fallback, type, probe(member))) {
          note(w, 'default');
          continue;
        }
        return false;
      }
      if (!entries && absentMatches(xv, type, fallback, member)) continue;
      return false;
    }
    if (!compare(xv, yv, type, member)) return false;
  }
  return true;
}

/** A declared value against a read that leaves it out (see matchesAbsent). */
function absentMatches(value: unknown, type: ValueType | undefined, fallback: unknown, w: Walk): boolean {
  if (value === undefined) return true;
  if (isWriteOnlyPath(w.schema, w.path)) return note(w, 'write-only');
  if (fallback !== undefined) {
    return compare(value, fallback, type, probe(w)) && note(w, 'default');
  }
  const v = asContainer(value);
  if (isTagCollection(w.key, w.schema.tagProperty, false)) return noTags(v) && note(w, 'absent');
  if (isPlainObject(v) && type?.kind !== 'map') {
    const members = membersOf(type, w.schema);
    return Object.entries(v).every(([key, member]) =>
      absentMatches(present(member), members?.typeOf(key), members?.defaultOf(key), {
        ...w,
        path: [...w.path, key],
        key,
        list: undefined,
      }),
    );
  }
  return offValue(v, type) && note(w, 'absent');
}

/** A read value that says "not set": the default, off, or only reserved tags. */
function unsetLike(value: unknown, type: ValueType | undefined, fallback: unknown, w: Walk): boolean {
  if (value === undefined) return true;
  if (fallback !== undefined && compare(value, fallback, type, probe(w))) return note(w, 'default');
  if (isTagCollection(w.key, w.schema.tagProperty, false)) return noTags(value) && note(w, 'absent');
  return offValue(asContainer(value), type) && note(w, 'absent');
}

/** Tags, as a list or a map, with none but reserved ones (a tag with an empty value is a tag). */
function noTags(value: unknown): boolean {
  const tags = withoutReservedTags(asContainer(value));
  if (Array.isArray(tags)) return withoutNullElements(tags).length === 0;
  return isPlainObject(tags) && Object.keys(tags).length === 0;
}

/** Off or empty; a map only when it has no entries (an entry is data, whatever its value). */
function offValue(value: unknown, type: ValueType | undefined): boolean {
  if (type?.kind === 'map') return isPlainObject(value) && Object.keys(value).length === 0;
  return isOff(value);
}

function membersOf(
  type: ValueType | undefined,
  schema: TypeSchema,
): { typeOf: (key: string) => ValueType | undefined; defaultOf: (key: string) => unknown } | undefined {
  if (type?.kind !== 'ref') return undefined;
  const def = schema.definitions[type.ref];
  if (!def) return undefined;
  return { typeOf: (key) => def.properties[key]?.type, defaultOf: (key) => def.properties[key]?.default };
}
