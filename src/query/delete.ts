/** `DELETE FROM … WHERE data__Identifier = '…' AND region = '…'` → a delete. */
import { parseAddress } from './address.js';
import type { Cursor } from './cursor.js';
import { parseTable } from './table.js';
import type { DeleteOperation, StatementContext } from './types.js';

export const DELETE_FORM =
  "DELETE FROM aws.<service>.<resources> WHERE data__Identifier = '<id>' AND region = '<region>'";

export function parseDelete(cursor: Cursor, ctx: StatementContext): DeleteOperation {
  const del = cursor.expectWord('delete');
  cursor.hint = DELETE_FORM;
  cursor.expectWord('from');
  const table = parseTable(cursor, ctx);
  const address = parseAddress(cursor, table.schema, 'DELETE', del.line);
  return { kind: 'delete', typeName: table.schema.typeName, stackqlName: table.stackqlName, ...address };
}
