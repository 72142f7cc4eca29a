/**
 * Replacement is planned only for a create-only value the user declared that really changed.
 * A top-level create-only property is the schema's `createOnly`; nested ones are paths
 * (`['Replicas', '*', 'Region']`): only a change at such a path forces a replacement, not a
 * change elsewhere in the same property.
 */
import type { PropertyPath, TypeSchema } from '../../schema/types.js';
import { isPlainObject, present } from '../values.js';
import { anyPathMatches, pathsUnder, type WalkPath } from './paths.js';

/** A nested path (length ≥ 2) the registry marks create-only. */
export function isCreateOnlyPath(schema: TypeSchema, path: WalkPath): boolean {
  return path.length > 1 && anyPathMatches(schema.createOnlyPaths, path);
}

/** Every value found at `pattern` inside `value` (the pattern's first step is the property). */
export function valuesAt(value: unknown, pattern: PropertyPath): unknown[] {
  const found: unknown[] = [];
  const visit = (v: unknown, depth: number): void => {
    const here = present(v);
    if (here === undefined) return;
    if (depth === pattern.length) {
      found.push(here);
      return;
    }
    const step = pattern[depth] as string;
    if (Array.isArray(here)) {
      // `*` or not, an array's members are its elements: the path goes through each one.
      for (const item of here) visit(item, step === '*' ? depth + 1 : depth);
    } else if (isPlainObject(here)) {
      if (step === '*') for (const member of Object.values(here)) visit(member, depth + 1);
      else visit(here[step], depth + 1);
    }
  };
  visit(value, 1);
  return found;
}

/**
 * The nested create-only paths of property `name` whose declared values have no equal in the
 * read. `same` is the planner's equality for a declared value against a read one.
 */
export function changedCreateOnlyPaths(
  schema: TypeSchema,
  name: string,
  desired: unknown,
  actual: unknown,
  same: (declared: unknown, read: unknown, path: PropertyPath) => boolean,
): PropertyPath[] {
  return pathsUnder(schema.createOnlyPaths, name).filter((pattern) => {
    const read = valuesAt(actual, pattern);
    // A read that reports nothing there is no evidence: an immutable value cannot be removed.
    if (read.length === 0) return false;
    return valuesAt(desired, pattern).some((declared) => !read.some((r) => same(declared, r, pattern)));
  });
}
