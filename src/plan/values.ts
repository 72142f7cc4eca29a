/**
 * The shapes a planned value can take. Manifests, ledgers and Cloud Control reads are all plain
 * JSON, so these few predicates are all the planner needs to tell them apart.
 */

export type Plain = Record<string, unknown>;

/** null and undefined both mean "not set": a rendered `null` is how a template unsets a value. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** `undefined` for "not set", the value otherwise. */
export function present(value: unknown): unknown {
  return isAbsent(value) ? undefined : value;
}

export { isObject as isPlainObject } from '../common/index.js';

export function isContainer(value: unknown): value is Plain | unknown[] {
  return typeof value === 'object' && value !== null;
}
