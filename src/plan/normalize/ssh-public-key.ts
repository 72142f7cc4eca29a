/**
 * An OpenSSH public key is `<type> <base64 key> [comment]`; the comment is a label, not part of
 * the key, and services that store a key (EC2 key pairs) hand it back with their own comment and
 * line ending. Two keys are the same key when type and key data agree.
 */

const OPENSSH_KEY = /^\s*((?:ssh|ecdsa|sk)-[\w@.-]+)\s+([A-Za-z0-9+/]+={0,3})(?:\s.*)?$/s;

function keyOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = OPENSSH_KEY.exec(value);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

export function sameSshPublicKey(a: unknown, b: unknown): boolean {
  const x = keyOf(a);
  return x !== undefined && x === keyOf(b);
}
