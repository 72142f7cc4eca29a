/**
 * Lists. Strict, two lists the user wrote are equal element by element, in order (unless the
 * schema says order is meaningless). Against the read:
 *
 * - a list whose order carries no meaning (`insertionOrder: false`, and tags everywhere) is a
 *   multiset;
 * - an ordered list the service hands back in its own order (DynamoDB indexes, prefix-list
 *   entries, VPC subnets come back sorted) still matches, unless the user reordered it since
 *   the last apply — then the order is the edit;
 * - a read element no declared one stands for was put there by the service or someone else
 *   (an AMI's root volume, a role attached from elsewhere): not ours, unless we set it before
 *   and the user removed it.
 */
import type { ValueType } from '../../schema/types.js';
import { withoutNullElements } from '../normalize/absent.js';
import { asContainer } from '../normalize/json-text.js';
import { matchElements } from '../normalize/multiset.js';
import { isTagCollection, withoutReservedTags } from '../normalize/reserved-tags.js';
import { attempt, type RuleName } from '../normalize/rules.js';
import { elementWalk, note, quiet, type Walk } from './walk.js';

export function compareArrays(
  x: unknown,
  y: unknown,
  element: ValueType | undefined,
  unordered: boolean,
  w: Walk,
): boolean {
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
  if (unordered || tags) return sameElements(xs, ys, element, w, 'unordered');
  if (xs.length === ys.length && attempt(w.notes, () => aligned(xs, ys, element, w))) return true;
  if (w.strict || userReordered(xs, element, w)) return false;
  return sameElements(xs, ys, element, w, 'service-order');
}

function aligned(xs: unknown[], ys: unknown[], element: ValueType | undefined, w: Walk): boolean {
  const prior = Array.isArray(w.prior) ? w.prior : [];
  return xs.every((item, i) => w.compare(item, ys[i], element, elementWalk(w, prior[i])));
}

/** The manifest's list is not the one we applied last: its order may be the user's edit. */
function userReordered(xs: unknown[], element: ValueType | undefined, w: Walk): boolean {
  if (!Array.isArray(w.prior)) return false;
  const prior = w.prior;
  const strict: Walk = { ...quiet(w), strict: true, prior: undefined };
  return (
    xs.length !== prior.length ||
    !xs.every((item, i) => w.compare(item, prior[i], element, elementWalk(strict, undefined)))
  );
}

/**
 * Elements as a multiset. Strict: the same elements, as many. Against the read: every declared
 * element has a read element of its own; a read element left over is a difference only if the
 * user removed it (it contains a last-applied element no declared one stands for).
 */
function sameElements(xs: unknown[], ys: unknown[], element: ValueType | undefined, w: Walk, rule: RuleName): boolean {
  if (w.strict && xs.length !== ys.length) return false;
  const prior = Array.isArray(w.prior) ? w.prior.map((p) => asContainer(p)) : [];
  const loose: Walk = { ...quiet(w), strict: false, prior: undefined };
  // `small` as declared, `big` as read: every member of `small` is in `big`.
  const within = (small: unknown, big: unknown): boolean =>
    w.compare(small, big, element, elementWalk(loose, undefined));
  // What we last applied for each declared element: the last-applied element it is part of.
  const priors = xs.map((item) => (w.strict ? undefined : prior.find((p) => within(item, p))));
  const matched = matchElements(xs.length, ys.length, (i, j) =>
    w.compare(xs[i], ys[j], element, elementWalk(w, priors[i], [])),
  );
  if (!matched) return false;
  // Replay the chosen pairs only, so the notes say what decided, not what was tried.
  matched.forEach((j, i) => w.compare(xs[i], ys[j], element, elementWalk(w, priors[i])));
  if (matched.some((j, i) => j !== i)) note(w, rule);
  if (xs.length === ys.length) return true;
  const taken = new Set(matched);
  const extras = ys.filter((_, j) => !taken.has(j));
  const removed = prior.filter((p) => !xs.some((item) => within(item, p)));
  if (extras.some((extra) => removed.some((p) => within(p, extra)))) return false;
  return note(w, 'undeclared');
}
