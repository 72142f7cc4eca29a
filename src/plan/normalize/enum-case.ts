/**
 * Enumerated values are matched case-insensitively: services store their own spelling of a
 * value they accept in any case (`ipv4` for `IPV4`, `Enabled` for `ENABLED`).
 */

/** Both are texts of an enumerated property and differ at most in case. */
export function sameEnumValue(a: unknown, b: unknown, allowed: readonly string[] | undefined): boolean {
  if (!allowed?.length || typeof a !== 'string' || typeof b !== 'string') return false;
  return a.toLowerCase() === b.toLowerCase();
}
