/**
 * The JSON Patch (RFC 6902) of an UPDATE. Cloud Control rejects a malformed patch only when the
 * request is sent; catching it here points at the file line instead.
 */
import type { Cursor } from './cursor.js';
import { parseJsonAt, quoteBareUnknowns } from './json.js';
import type { Literal } from './literal.js';

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];
const PATCH_HINT = 'a patch is a JSON array such as [{"op": "replace", "path": "/TimeoutInMillis", "value": 30000}]';

export function parsePatch(cursor: Cursor, literal: Literal, column: string): unknown[] {
  if (literal.kind !== 'string') {
    throw cursor.error('InvalidPatch', `${column} must be a quoted JSON array`, literal.line, PATCH_HINT);
  }
  const patch = parseJsonAt(cursor, quoteBareUnknowns(literal.value), column, literal.line);
  if (!Array.isArray(patch)) {
    throw cursor.error('InvalidPatch', `${column} must be a JSON array of operations`, literal.line, PATCH_HINT);
  }
  patch.forEach((operation: unknown, i) => {
    const problem = operationProblem(operation);
    if (problem === undefined) return;
    const hint = problem.includes('/properties/')
      ? "paths are relative to the resource's properties: write /TimeoutInMillis, not /properties/TimeoutInMillis"
      : PATCH_HINT;
    throw cursor.error('InvalidPatch', `${column} operation ${i + 1} ${problem}`, literal.line, hint);
  });
  return patch;
}

function operationProblem(operation: unknown): string | undefined {
  if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) return 'is not an object';
  const { op, path } = operation as { op?: unknown; path?: unknown };
  if (typeof op !== 'string' || !OPS.includes(op))
    return `has op ${JSON.stringify(op)}; expected one of ${OPS.join(', ')}`;
  if (typeof path !== 'string') return 'has no string "path"';
  if (path.startsWith('/properties/')) return `has path '${path}' under /properties/`;
  return undefined;
}
