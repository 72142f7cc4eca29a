/**
 * Services that store a text document (a key, a script, a certificate) often hand it back with
 * a final line break added or dropped. Trailing white space carries no meaning in such texts, so
 * against the read two texts that differ only there are the same.
 */

export function sameBarTrailingSpace(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a !== b && a.trimEnd() === b.trimEnd();
}
