/** `DELETE FROM … WHERE data__Identifier = '…' AND region = '…'` → a delete. */
import type { Cursor } from './cursor.js';
import { parseReturning } from './returning.js';
import { parseTable } from './table.js';
import type { DeleteOperation, StatementContext } from './types.js';
import { classify, parseConditions, rejectFilters, requireIdentifier, requireRegion } from './where.js';

export const DELETE_FORM =
  "DELETE FROM aws.<service>.<resources> WHERE data__Identifier = '<id>' AND region = '<region>'";

export function parseDelete(cursor: Cursor, ctx: StatementContext): DeleteOperation {
  const del = cursor.expectWord('delete');
  cursor.hint = DELETE_FORM;
  cursor.expectWord('from');
  const table = parseTable(cursor, ctx);
  const where = cursor.acceptWord('where');
  const conditions = classify(cursor, where ? parseConditions(cursor) : [], table.schema);
  const returning = parseReturning(cursor);
  cursor.expectEnd();

  rejectFilters(cursor, conditions, 'DELETE');
  const at = (where ?? del).line;
  const op: DeleteOperation = {
    kind: 'delete',
    typeName: table.schema.typeName,
    stackqlName: table.stackqlName,
    region: requireRegion(cursor, conditions, at),
    identifier: requireIdentifier(cursor, conditions, at, 'DELETE'),
  };
  if (returning !== undefined) op.returning = returning;
  return op;
}
