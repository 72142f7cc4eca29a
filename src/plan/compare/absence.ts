/**
 * A value on one side, nothing on the other. Reads leave out what is at its default, switched
 * off or empty; a declared value saying as much matches the read's silence (see
 * normalize/absent.ts), and a read value saying as much is what "removed" looks like.
 */
import type { ValueType } from '../../schema/types.js';
import { isOff, withoutNullElements } from '../normalize/absent.js';
import { asContainer } from '../normalize/json-text.js';
import { isTagCollection, withoutReservedTags } from '../normalize/reserved-tags.js';
import { isWriteOnlyPath } from '../normalize/write-only.js';
import { isPlainObject, present } from '../values.js';
import { memberWalk, membersOf, note, probe, type Walk } from './walk.js';

/** A declared value matches a read without it: default, off, empty, or only such members. */
export function absentMatches(value: unknown, type: ValueType | undefined, fallback: unknown, w: Walk): boolean {
  if (value === undefined) return true;
  if (isWriteOnlyPath(w.schema, w.path)) return note(w, 'write-only');
  if (fallback !== undefined) return w.compare(value, fallback, type, probe(w)) && note(w, 'default');
  const v = asContainer(value);
  if (isTagCollection(w.key, w.schema.tagProperty, false)) return noTags(v) && note(w, 'absent');
  if (isPlainObject(v) && type?.kind !== 'map') {
    const members = membersOf(type, w.schema);
    return Object.entries(v).every(([key, member]) =>
      absentMatches(present(member), members.typeOf(key), members.defaultOf(key), memberWalk(w, key, undefined)),
    );
  }
  return offValue(v, type) && note(w, 'absent');
}

/** A read value that says "not set": the default, off, or only reserved tags. */
export function unsetLike(value: unknown, type: ValueType | undefined, fallback: unknown, w: Walk): boolean {
  if (value === undefined) return true;
  if (fallback !== undefined && w.compare(value, fallback, type, probe(w))) return note(w, 'default');
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
