/**
 * `merge:` on a prop: lists are unioned (own items first, then each source's new items, equal
 * JSON counted once); mappings are merged shallowly with each source applied over the prop's own
 * value, as stackql-deploy does (merge_objects(own, source)). JSON text is accepted for either.
 */
import { DeployError } from '../errors/index.js';
import { containsUnknown } from '../template/index.js';
import { isMapping, kindOf } from './checker.js';

export interface MergeSite {
  prop: string;
  resource: string;
  file: string;
  /** Line of the n-th item of the prop's merge list. */
  line(index: number): number;
}

/** A string holding JSON is its structure; anything else is itself. */
function structure(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isMapping(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

function union(first: unknown[], second: unknown[]): unknown[] {
  const seen = new Set(first.map(canonical));
  const merged = [...first];
  for (const item of second) {
    const key = canonical(item);
    if (!seen.has(key)) {
      seen.add(key);
      merged.push(item);
    }
  }
  return merged;
}

/** Merges the named sources (looked up in `context`) into `own` (undefined: the prop has only merge). */
export function mergeProp(own: unknown, sources: string[], context: Record<string, unknown>, site: MergeSite): unknown {
  let result = structure(own);
  sources.forEach((name, index) => {
    const fail = (code: string, message: string, hint: string): DeployError =>
      new DeployError(code, message, { file: site.file, line: site.line(index), resource: site.resource, hint });
    if (!(name in context)) {
      throw fail(
        'UnknownMergeSource',
        `prop '${site.prop}' merges '${name}', which is not defined here`,
        'merge names a global, an earlier prop, or an export of an earlier resource',
      );
    }
    const source = structure(context[name]);
    // At plan time either side may be unknown: then so is the result.
    if (typeof result === 'string' && containsUnknown(result)) return;
    if (typeof source === 'string' && containsUnknown(source)) {
      result = typeof result === 'string' ? result + source : source;
      return;
    }
    if (result === undefined || result === null) result = source;
    else if (Array.isArray(result) && Array.isArray(source)) result = union(result, source);
    else if (isMapping(result) && isMapping(source)) result = { ...result, ...source };
    else {
      throw fail(
        'MergeTypeMismatch',
        `prop '${site.prop}' is ${kindOf(result)} and cannot merge '${name}', which is ${kindOf(source)}`,
        'merge lists with lists and mappings with mappings',
      );
    }
  });
  return result;
}
