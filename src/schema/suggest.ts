/** Closest-name suggestions for "did you mean" hints. */
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

/** Up to `max` candidates closest to `name`, only those plausibly meant (distance ≤ ~40%). */
export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.ceil(wanted.length * 0.4));
  const scored = [...candidates]
    .map((c) => ({ c, d: editDistance(wanted, c.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  // Keep only those about as close as the best: a clear winner stands alone.
  const best = scored[0]?.d ?? 0;
  return scored
    .filter(({ d }) => d <= best + 2)
    .slice(0, max)
    .map(({ c }) => c);
}
