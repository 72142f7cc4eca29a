/** "Did you mean" for every misspelt name a user can type: types, keys, variables, commands. */

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * Up to `max` candidates plausibly meant by `name`: case-insensitive, within ~40% of its length,
 * and about as close as the best one, so a clear winner stands alone.
 */
export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.ceil(wanted.length * 0.4));
  const scored = [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(wanted, c.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  const best = scored[0]?.d ?? 0;
  return scored
    .filter(({ d }) => d <= best + 2)
    .slice(0, max)
    .map(({ c }) => c);
}

/** ` Did you mean 'x'?` / ` Did you mean 'x' or 'y'?`, or '' when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = closest(name, candidates);
  if (close.length === 0) return '';
  const quoted = close.map((c) => `'${c}'`);
  const last = quoted.pop() as string;
  return ` Did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}?`;
}
