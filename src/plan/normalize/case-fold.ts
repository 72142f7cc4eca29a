/**
 * Services that store a name or setting case-insensitively hand it back in their own case: RDS
 * and Neptune lower-case identifiers, engine names and maintenance windows, Amazon MQ upper-cases
 * its settings, S3 capitalises notification filter names (`prefix` reads `Prefix`) — the
 * registry's `propertyTransform` records many such rewrites. Against the read, texts that differ
 * only in letter case are that rewrite, not an edit: nobody changes a value out of band only to
 * change its case.
 */

export function sameButCaseFolded(declared: unknown, read: unknown): boolean {
  if (typeof declared !== 'string' || typeof read !== 'string' || declared === read) return false;
  return declared.toLowerCase() === read.toLowerCase();
}
