/**
 * `UPDATE … SET data__PatchDocument = '<patch>' WHERE data__Identifier = '…' AND region = '…'`
 * → an update (awscc spells the columns `PatchDocument` and `Identifier`).
 */
import { parseAddress } from './address.js';
import type { Cursor } from './cursor.js';
import type { Literal } from './literal.js';
import { parseLiteral } from './literal.js';
import { parsePatch } from './patch.js';
import { parseTable } from './table.js';
import type { StatementContext, UpdateOperation } from './types.js';

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
  const address = parseAddress(cursor, table.schema, 'UPDATE', update.line);
  return {
    kind: 'update',
    typeName: table.schema.typeName,
    stackqlName: table.stackqlName,
    region: address.region,
    identifier: address.identifier,
    patch: parsePatch(cursor, value, column.text),
    ...(address.returning !== undefined ? { returning: address.returning } : {}),
  };
}
