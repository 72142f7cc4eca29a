/**
 * Matching the elements of two arrays whose order carries no meaning. Elements are compared by
 * content (after the planner's normalisation, which is not transitive: a declared element may
 * match several read ones), so a greedy pass can pair wrongly; this finds a full matching when
 * one exists (augmenting paths; arrays here are short).
 */

/**
 * Pairs every `left` element with a distinct `right` element it matches. Returns, per left
 * index, the right index it took; undefined when some left element cannot be placed.
 */
export function matchElements(
  leftCount: number,
  rightCount: number,
  matches: (left: number, right: number) => boolean,
): number[] | undefined {
  const memo = new Map<number, boolean>();
  const ok = (l: number, r: number): boolean => {
    const key = l * (rightCount + 1) + r;
    let hit = memo.get(key);
    if (hit === undefined) memo.set(key, (hit = matches(l, r)));
    return hit;
  };
  const owner = new Array<number>(rightCount).fill(-1);
  const place = (l: number, seen: boolean[]): boolean => {
    for (let r = 0; r < rightCount; r++) {
      if (seen[r] || !ok(l, r)) continue;
      seen[r] = true;
      if (owner[r] === -1 || place(owner[r] as number, seen)) {
        owner[r] = l;
        return true;
      }
    }
    return false;
  };
  for (let l = 0; l < leftCount; l++) {
    if (!place(l, new Array<boolean>(rightCount).fill(false))) return undefined;
  }
  const taken = new Array<number>(leftCount).fill(-1);
  owner.forEach((l, r) => {
    if (l >= 0) taken[l] = r;
  });
  return taken;
}
