/**
 * DNS names are case-insensitive and a fully qualified name may end with the root's dot:
 * Route 53 reads `Example.com` back as `example.com.`. The rule only applies when one side has
 * that final dot, so ordinary texts with dots (file names, versions) are left alone.
 */

const HOSTNAME = /^(\*\.)?([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}\.?$/i;

export function sameDnsName(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (a.endsWith('.') === b.endsWith('.')) return false;
  if (!HOSTNAME.test(a) || !HOSTNAME.test(b)) return false;
  return a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
}
