/**
 * The registry names properties by JSON pointer (`/properties/BodyS3Location/Bucket`); the
 * engine by top-level name plus, below the top level, a path of keys (`*` for every element).
 */
import type { PropertyPath } from './types.js';

/** `/properties/A/B` → `['A', 'B']` (`~1` and `~0` unescaped); undefined outside `/properties`. */
export function pointerPath(pointer: string): PropertyPath | undefined {
  const match = /^\/properties\/(.+)$/.exec(pointer);
  if (!match?.[1]) return undefined;
  return match[1].split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Splits pointers into top-level names and nested paths, nested ones under a listed top level dropped. */
export function splitPointers(pointers: readonly string[] | undefined): { top: string[]; nested: PropertyPath[] } {
  const paths = (pointers ?? []).map(pointerPath).filter((p): p is PropertyPath => p !== undefined);
  const top = [...new Set(paths.filter((p) => p.length === 1).map((p) => p[0] as string))];
  const seen = new Set<string>();
  const nested: PropertyPath[] = [];
  for (const path of paths) {
    if (path.length < 2 || top.includes(path[0] as string)) continue;
    const key = path.join('/');
    if (seen.has(key)) continue;
    seen.add(key);
    nested.push(path);
  }
  return { top, nested };
}

/**
 * A primary identifier part by name: `ApiId`, or for the few nested ones the `/`-joined path
 * (`StorageLensConfiguration/Id`), which the emulator reads as a path into the model.
 */
export function identifierName(pointer: string): string | undefined {
  return pointerPath(pointer)?.join('/');
}
