/**
 * Two scalars read as text: the same characters, or the same value spelled another way. Rules
 * that only the read can explain (it resolved an alias, picked a patch version, added a line
 * break) apply against the read only; between two values the user wrote, text is text.
 */
import { sameArnOrName } from '../normalize/arn-name.js';
import { sameButCaseFolded } from '../normalize/case-fold.js';
import { sameDnsName } from '../normalize/dns-name.js';
import { sameEnumValue } from '../normalize/enum-case.js';
import { holdsHeaderNames, sameHeaderName } from '../normalize/header-names.js';
import { sameIpAddress } from '../normalize/ip-address.js';
import { holdsIpProtocol, sameIpProtocol } from '../normalize/ip-protocol.js';
import { aliasResolvedToKey } from '../normalize/kms-alias.js';
import { scalarText } from '../normalize/scalars.js';
import { sameSshPublicKey } from '../normalize/ssh-public-key.js';
import { sameBarTrailingSpace } from '../normalize/trailing-space.js';
import { holdsVersion, sameVersionFamily } from '../normalize/version-prefix.js';
import { note, type Walk } from './walk.js';

export function sameText(a: unknown, b: unknown, w: Walk, allowed?: string[]): boolean {
  const x = scalarText(a);
  const y = scalarText(b);
  if (x === undefined || y === undefined) return false;
  if (x === y) return note(w, 'scalar-type');
  if (sameEnumValue(x, y, allowed)) return note(w, 'enum-case');
  if (sameArnOrName(x, y)) return note(w, 'arn-name');
  if (sameIpAddress(x, y)) return note(w, 'ip-address');
  if (sameDnsName(x, y)) return note(w, 'dns-name');
  if (sameSshPublicKey(x, y)) return note(w, 'ssh-key');
  if (holdsHeaderNames(w.list) && sameHeaderName(x, y)) return note(w, 'header-case');
  if (holdsIpProtocol(w.key) && sameIpProtocol(x, y)) return note(w, 'ip-protocol');
  if (w.strict) return false;
  if (sameButCaseFolded(x, y)) return note(w, 'case-fold');
  // An alias cannot be checked against the key; only an alias the user has not edited since the
  // last apply (or with no record) is taken on trust.
  if (aliasResolvedToKey(x, y) && (w.prior === undefined || scalarText(w.prior) === x)) return note(w, 'kms-alias');
  if (holdsVersion(w.key) && sameVersionFamily(x, y)) return note(w, 'version-prefix');
  if (sameBarTrailingSpace(x, y)) return note(w, 'trailing-space');
  return false;
}
