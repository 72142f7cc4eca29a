/**
 * Lines of the values inside globals and props, kept beside the loaded definitions (not in
 * them, so the public shapes stay plain data). Used to report a template error at the line of
 * the string that failed, e.g. the `Value:` of the third tag of a prop.
 */
import type { LineIndex, PathKey } from './yaml-lines.js';

interface Located {
  index: LineIndex;
  base: PathKey[];
}

const located = new WeakMap<object, Located>();

export function remember(definition: object, index: LineIndex, base: PathKey[]): void {
  located.set(definition, { index, base });
}

/** Line of the key or item at `relative` below the definition (its own line when unknown). */
export function lineIn(definition: { line: number }, relative: readonly PathKey[]): number {
  const where = located.get(definition);
  return where === undefined ? definition.line : where.index.lineOf([...where.base, ...relative]);
}

/** Line where the text of the scalar at `relative` starts (after `key: |` it is the next line). */
export function textLineIn(definition: { line: number }, relative: readonly PathKey[]): number {
  const where = located.get(definition);
  return where === undefined ? definition.line : where.index.textLineOf([...where.base, ...relative]);
}
