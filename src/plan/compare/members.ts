/**
 * Objects and maps, member by member. Strict, a member on one side only is a difference unless
 * it holds the schema default. Against the read:
 *
 * - a write-only member is never compared (the read cannot show it);
 * - a member only the read has is the service's choice, unless we set it before and the
 *   manifest dropped it (and even then only if the read does not already show it off);
 * - a declared member the read leaves out matches if it is the default, off or empty — or if it
 *   is create-only: an immutable value cannot have been removed, only not reported.
 *
 * A map's keys are data: an entry exists or not, whatever its value, so off-is-absent does not
 * apply to entries.
 */
import { isCreateOnlyPath } from '../normalize/create-only.js';
import { isTagCollection, withoutReservedTags } from '../normalize/reserved-tags.js';
import { isWriteOnlyPath } from '../normalize/write-only.js';
import { isPlainObject, present, type Plain } from '../values.js';
import { absentMatches, unsetLike } from './absence.js';
import { memberWalk, note, probe, type Members, type Walk } from './walk.js';

export function compareMembers(x: unknown, y: unknown, members: Members, w: Walk): boolean {
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
    const xv = present(a[key]);
    const yv = present(b[key]);
    if (xv === undefined && yv === undefined) continue;
    const member = memberWalk(w, key, present(prior?.[key]));
    if (!w.strict && isWriteOnlyPath(w.schema, member.path)) {
      note(w, 'write-only');
      continue;
    }
    const type = members.typeOf(key);
    const fallback = members.defaultOf(key);
    const atDefault = (value: unknown): boolean =>
      fallback !== undefined && w.compare(value, fallback, type, probe(member)) && note(w, 'default');
    if (xv === undefined) {
      // Only the read (or, strict, the other side) has it.
      if (atDefault(yv)) continue;
      if (w.strict) return false;
      if (member.prior === undefined) {
        note(w, 'undeclared');
        continue;
      }
      if (!members.entries && unsetLike(yv, type, fallback, member)) continue;
      return false;
    }
    if (yv === undefined) {
      if (w.strict) {
        if (atDefault(xv)) continue;
        return false;
      }
      if (isCreateOnlyPath(w.schema, member.path)) {
        note(w, 'create-only-unread');
        continue;
      }
      if (!members.entries && absentMatches(xv, type, fallback, member)) continue;
      return false;
    }
    if (!w.compare(xv, yv, type, member)) return false;
  }
  return true;
}
