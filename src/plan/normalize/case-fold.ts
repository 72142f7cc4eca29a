/**
 * Services that store a name or setting case-insensitively hand it back folded to one case:
 * RDS and Neptune lower-case identifiers, engine names and maintenance windows; Amazon MQ
 * upper-cases its settings (the registry's `propertyTransform` records many such `$lowercase`
 * and `$uppercase` rewrites). A read that is exactly the declared text in lower or upper case
 * is that rewrite, not an edit: nobody changes a value out of band only to refold its case.
 */

export function sameButCaseFolded(declared: unknown, read: unknown): boolean {
  if (typeof declared !== 'string' || typeof read !== 'string' || declared === read) return false;
  return read === declared.toLowerCase() || read === declared.toUpperCase();
}
