/**
 * IP protocols may be given by IANA number or by name, and EC2 reads the common ones back by
 * name: `6` is `tcp`, `17` `udp`, `1` `icmp`, `58` `icmpv6` (the registry's security group
 * schemas map them the same way). Found by member name (`IpProtocol`, `Protocol`).
 */

const NAMES: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'icmpv6' };

export function holdsIpProtocol(member: string | undefined): boolean {
  return member !== undefined && /Protocol$/.test(member);
}

function nameOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim().toLowerCase();
  return NAMES[text] ?? text;
}

export function sameIpProtocol(a: unknown, b: unknown): boolean {
  const x = nameOf(a);
  return x !== undefined && x === nameOf(b);
}
