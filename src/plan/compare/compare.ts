/**
 * The dispatch of the walk: two present values, by schema type. Scalars are read as their type
 * says; containers go to lists.ts and members.ts; policy documents, recognised by shape, to
 * policies.ts; texts to texts.ts.
 */
import type { ValueType } from '../../schema/types.js';
import { asContainer, isJsonContainerText } from '../normalize/json-text.js';
import { isPolicyDocument } from '../normalize/policy-document.js';
import { attempt } from '../normalize/rules.js';
import { looseScalarEqual, sameBoolean, sameInstant, sameNumber } from '../normalize/scalars.js';
import { isContainer, isPlainObject, present } from '../values.js';
import { compareArrays } from './lists.js';
import { compareMembers } from './members.js';
import { comparePolicies } from './policies.js';
import { sameText } from './texts.js';
import { membersOf, note, UNTYPED, type Walk } from './walk.js';

export function compare(x: unknown, y: unknown, type: ValueType | undefined, w: Walk): boolean {
  const a = present(x);
  const b = present(y);
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (isPolicyDocument(a) && isPolicyDocument(b)) return comparePolicies(a, b, w);
  if (type === undefined) return generic(a, b, w);
  switch (type.kind) {
    case 'integer':
    case 'number':
      return scalar(a, b, w, () => sameNumber(a, b) && note(w, 'scalar-type'));
    case 'boolean':
      return scalar(a, b, w, () => sameBoolean(a, b) && note(w, 'scalar-type'));
    case 'date-time':
      return scalar(a, b, w, () => sameInstant(a, b) && note(w, 'scalar-type'));
    case 'string':
      return scalar(a, b, w, () => sameText(a, b, w, type.allowed));
    case 'null':
      return false;
    case 'json':
    case 'tag':
      return generic(a, b, w);
    case 'array':
      return compareArrays(asContainer(a), asContainer(b), type.element, type.unordered === true, w);
    case 'map':
    case 'ref':
      if (type.kind === 'ref' && !w.schema.definitions[type.ref]) return generic(a, b, w);
      return compareMembers(asContainer(a), asContainer(b), membersOf(type, w.schema), w);
    case 'union':
      if (type.types.length === 0) return generic(a, b, w);
      return type.types.some((t) => attempt(w.notes, () => compare(a, b, t, w)));
  }
}

/** Scalar types: a container (or JSON text of one) means the schema and the value disagree. */
function scalar(a: unknown, b: unknown, w: Walk, test: () => boolean): boolean {
  if (isContainer(a) || isContainer(b)) return generic(a, b, w);
  if (isJsonContainerText(a) && isJsonContainerText(b)) return generic(a, b, w);
  return test();
}

/** No schema type: structural, key-order-insensitive, scalars read loosely. */
function generic(x: unknown, y: unknown, w: Walk): boolean {
  const a = isContainer(y) || isJsonContainerText(y) ? asContainer(x) : x;
  const b = isContainer(a) ? asContainer(y) : y;
  if (a !== x || b !== y) note(w, 'json-text');
  if (Array.isArray(a) || Array.isArray(b)) return compareArrays(a, b, undefined, false, w);
  if (isPlainObject(a) || isPlainObject(b)) return compareMembers(a, b, UNTYPED, w);
  if (looseScalarEqual(a, b)) return note(w, 'scalar-type');
  return sameText(a, b, w);
}
