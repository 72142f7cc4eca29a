/**
 * The normalisation rules, by name: a caller that wants to know why two values that differ as
 * text were judged the same (a test, a report) is told the rules that decided it.
 */
export type RuleName =
  /** A write-only value: never compared with the read. */
  | 'write-only'
  /** A member or element only the read has, which the user never declared. */
  | 'undeclared'
  /** An `insertionOrder: false` array (or tags) matched as a multiset. */
  | 'unordered'
  /** An ordered array the service read back in another order. */
  | 'service-order'
  /** A tag with the reserved `aws:` prefix. */
  | 'reserved-tag'
  /** JSON text on one side, parsed on the other (or both texts). */
  | 'json-text'
  /** IAM policy documents compared in canonical form. */
  | 'policy'
  /** Numbers, booleans, date-times and texts read by schema type (`"5"` = 5). */
  | 'scalar-type'
  /** Enumerated values compared case-insensitively. */
  | 'enum-case'
  /** A declared off or empty value the read leaves out. */
  | 'absent'
  /** A schema default on one side, nothing on the other. */
  | 'default'
  /** A resource name on one side, its ARN on the other. */
  | 'arn-name'
  /** Null elements of a list (`[null]`). */
  | 'null-element'
  /** A KMS alias declared, the key it named read back. */
  | 'kms-alias'
  /** The same OpenSSH public key with another comment. */
  | 'ssh-key'
  /** HTTP header names in another case. */
  | 'header-case'
  /** An IPv6 address or block spelled another way. */
  | 'ip-address'
  /** A DNS name with the root's final dot, in another case. */
  | 'dns-name'
  /** A declared `X.Y` version, read as the patch release `X.Y.Z` the service chose. */
  | 'version-prefix'
  /** A text read back with trailing white space added or dropped. */
  | 'trailing-space'
  /** A text the service read back in another letter case. */
  | 'case-fold'
  /** An IP protocol by number on one side, by name on the other. */
  | 'ip-protocol'
  /** A declared create-only value the read does not report (it cannot have been removed). */
  | 'create-only-unread';

/** Rules that fired, in the order they did; a failed attempt takes its notes back. */
export type RuleNotes = RuleName[];

/** Runs `test`, keeping the notes it added only when it passed. */
export function attempt(notes: RuleNotes, test: () => boolean): boolean {
  const mark = notes.length;
  const ok = test();
  if (!ok) notes.length = mark;
  return ok;
}
