/**
 * `UPDATE … SET data__PatchDocument = '<patch>' WHERE data__Identifier = '…' AND region = '…'`
 * → an update (awscc spells the columns `PatchDocument` and `Identifier`).
 */
import type { Cursor } from './cursor.js';
import type { Literal } from './literal.js';
import { parseLiteral } from './literal.js';
import { parsePatch } from './patch.js';
import { parseReturning } from './returning.js';
import { parseTable } from './table.js';
import type { StatementContext, UpdateOperation } from './types.js';
import { classify, parseConditions, rejectFilters, requireIdentifier, requireRegion } from './where.js';

export const UPDATE_FORM =
  "UPDATE aws.<service>.<resources> SET data__PatchDocument = '<json patch>' WHERE data__Identifier = '<id>' AND region = '<region>'";

export function parseUpdate(cursor: Cursor, ctx: StatementContext): UpdateOperation {
  const update = cursor.expectWord('update');
  cursor.hint = UPDATE_FORM;
  const table = parseTable(cursor, ctx);
  cursor.expectWord('set');
  const column = cursor.expectName('data__PatchDocument');
  if (!['data__patchdocument', 'patchdocument'].includes(column.text.toLowerCase())) {
    throw cursor.error(
      'UnsupportedStatement',
      `UPDATE cannot SET ${column.text}`,
      column.line,
      `Cloud Control updates take a JSON Patch: SET data__PatchDocument = '[{"op": "replace", "path": "/${column.text}", "value": …}]'`,
    );
  }
  cursor.expectPunct('=');
  const value: Literal = parseLiteral(cursor);
  if (cursor.isPunct(',')) cursor.fail('WHERE (data__PatchDocument is the only column an UPDATE sets)');
  const where = cursor.acceptWord('where');
  const conditions = classify(cursor, where ? parseConditions(cursor) : [], table.schema);
  const returning = parseReturning(cursor);
  cursor.expectEnd();

  rejectFilters(cursor, conditions, 'UPDATE');
  const at = (where ?? update).line;
  const op: UpdateOperation = {
    kind: 'update',
    typeName: table.schema.typeName,
    stackqlName: table.stackqlName,
    region: requireRegion(cursor, conditions, at),
    identifier: requireIdentifier(cursor, conditions, at, 'UPDATE'),
    patch: parsePatch(cursor, value, column.text),
  };
  if (returning !== undefined) op.returning = returning;
  return op;
}
