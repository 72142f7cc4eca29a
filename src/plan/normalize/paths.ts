/**
 * Schema paths inside a property value. The registry names nested write-only and create-only
 * members by path (`['Code', 'S3Key']`, `['Rules', '*', 'Prefix']`); the planner walks values
 * with the path it is at, spelling every array element as `*`.
 */
import type { PropertyPath } from '../../schema/types.js';

/** Where the walk is: the property name, then member keys, `*` for an array element. */
export type WalkPath = readonly string[];

/** `pattern` names `path`: same length, each step equal or `*` (any member or element). */
export function pathMatches(pattern: PropertyPath, path: WalkPath): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((step, i) => step === '*' || step === path[i]);
}

/** Some pattern names `path` exactly. */
export function anyPathMatches(patterns: readonly PropertyPath[], path: WalkPath): boolean {
  return patterns.some((pattern) => pathMatches(pattern, path));
}

/** The patterns that lie strictly below the top-level property `name`. */
export function pathsUnder(patterns: readonly PropertyPath[], name: string): PropertyPath[] {
  return patterns.filter((pattern) => pattern.length > 1 && pattern[0] === name);
}
