/**
 * Policy documents compare in canonical form (normalize/policy-document.ts) and otherwise
 * strictly: a statement, condition or principal the read has and the manifest lacks changes what
 * the policy allows, so it is never "the service's choice". Only the labels are lenient against
 * the read: a statement `Sid` or document `Id` the manifest leaves out may be generated.
 */
import { canonicalJson } from '../../common/index.js';
import { matchElements } from '../normalize/multiset.js';
import { canonicalPolicy } from '../normalize/policy-document.js';
import { parseIfJson } from '../normalize/json-text.js';
import { isPlainObject, type Plain } from '../values.js';
import { note, type Walk } from './walk.js';

export function comparePolicies(a: unknown, b: unknown, w: Walk): boolean {
  const x = canonicalPolicy(a) as Plain;
  const y = canonicalPolicy(b) as Plain;
  if (canonicalJson(parseIfJson(a)) === canonicalJson(parseIfJson(b))) return true;
  const same = w.strict ? canonicalJson(x) === canonicalJson(y) : matchesRead(x, y);
  return same && note(w, 'policy');
}

function matchesRead(declared: Plain, read: Plain): boolean {
  const { Statement: ds, ...dRest } = declared;
  const { Statement: rs, ...rRest } = read;
  if (!('Id' in dRest)) delete rRest['Id'];
  if (canonicalJson(dRest) !== canonicalJson(rRest)) return false;
  const dList = ds as Plain[];
  const rList = rs as Plain[];
  if (dList.length !== rList.length) return false;
  const same = (d: Plain, r: Plain): boolean => {
    if (isPlainObject(r) && !('Sid' in d)) {
      const { Sid: _sid, ...rest } = r;
      return canonicalJson(d) === canonicalJson(rest);
    }
    return canonicalJson(d) === canonicalJson(r);
  };
  return matchElements(dList.length, rList.length, (i, j) => same(dList[i] as Plain, rList[j] as Plain)) !== undefined;
}
