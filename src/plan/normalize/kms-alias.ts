/**
 * A KMS key may be named by an alias (`alias/aws/sqs`, or the alias ARN) wherever a service
 * takes a key, and services read back the key the alias pointed to (its id or ARN). Which key
 * an alias names is not knowable without asking KMS, and the planner does no I/O: so an alias
 * declared against a key read back is not evidence of a change. (A key declared by id or ARN
 * is compared as usual; see arn-name.ts for id against ARN.)
 */

const ALIAS = /^(alias\/|arn:[^:]+:kms:[^:]*:[^:]*:alias\/)/;
/** A key id (a UUID, or `mrk-` and 32 characters for a multi-Region key), bare or in its ARN. */
const KEY =
  /^(arn:[^:]+:kms:[^:]*:[^:]*:key\/)?(mrk-[0-9a-z]{32}|[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12})$/i;

export function isKmsAlias(value: unknown): value is string {
  return typeof value === 'string' && ALIAS.test(value);
}

export function isKmsKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

/** The declared value is a KMS alias and the read names a key. */
export function aliasResolvedToKey(declared: unknown, read: unknown): boolean {
  return isKmsAlias(declared) && isKmsKey(read);
}
