/**
 * HTTP header names are case-insensitive (RFC 9110 §5.1), and services store them in their own
 * case: API Gateway reads `Content-Type` back as `content-type`. CloudFormation names the lists
 * that hold header names `…Headers` (AllowHeaders, ExposeHeaders, AllowedHeaders, …) in every
 * service, so the member name tells where the rule applies.
 */

export function holdsHeaderNames(member: string | undefined): boolean {
  return member !== undefined && /Headers$/.test(member);
}

export function sameHeaderName(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}
