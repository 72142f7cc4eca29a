/**
 * IPv6 addresses have many spellings (`2001:DB8:0:0::1`, `2001:db8::1`); services store the
 * canonical one (RFC 5952: lower case, zeros compressed). Two addresses, or CIDR blocks, are the
 * same when their 128 bits and prefix length are.
 */

function groupsOf(address: string): number[] | undefined {
  if (!/^[0-9a-f:]+$/i.test(address) || (address.match(/::/g) ?? []).length > 1) return undefined;
  const [head = '', tail] = address.split('::');
  const part = (text: string): string[] => (text === '' ? [] : text.split(':'));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...new Array<string>(missing).fill('0'), ...right];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16));
}

/** The canonical text of an IPv6 address or CIDR block, or undefined if it is neither. */
export function canonicalIpv6(value: string): string | undefined {
  const [address = '', prefix, ...rest] = value.trim().split('/');
  if (rest.length > 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) return undefined;
  const groups = groupsOf(address);
  if (!groups) return undefined;
  const text = groups.map((g) => g.toString(16)).join(':');
  return prefix === undefined ? text : `${text}/${Number(prefix)}`;
}

export function sameIpAddress(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || !a.includes(':') || !b.includes(':')) return false;
  const x = canonicalIpv6(a);
  return x !== undefined && x === canonicalIpv6(b);
}
