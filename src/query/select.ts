/**
 * `SELECT <columns> FROM aws.<service>.<resources> WHERE region = '…' [AND data__Identifier = '…']
 * [AND <column> = '…']` → a get (identifier given) or a list, with the requested columns and
 * any further equality filters for the caller to apply to the rows.
 */
import type { Cursor } from './cursor.js';
import { parseTable } from './table.js';
import type { SelectOperation, StatementContext } from './types.js';
import { classify, parseConditions, requireRegion } from './where.js';

export const SELECT_FORM =
  "SELECT <columns> FROM aws.<service>.<resources> WHERE region = '<region>' [AND data__Identifier = '<id>'] [AND <column> = '<value>']";

/** Words that follow a table name and must not be mistaken for a table alias. */
const CLAUSES = ['where', 'order', 'group', 'limit', 'join', 'inner', 'left', 'right', 'union', 'having', 'returning'];

export function parseSelect(cursor: Cursor, ctx: StatementContext): SelectOperation {
  const select = cursor.expectWord('select');
  cursor.hint = SELECT_FORM;
  const columns: string[] = [];
  const aliases: Record<string, string> = {};
  do {
    const column = parseColumn(cursor);
    columns.push(column);
    const alias = parseAlias(cursor, (word) => word !== 'from');
    if (alias !== undefined) aliases[column] = alias;
  } while (cursor.acceptPunct(','));

  cursor.expectWord('from');
  if (cursor.isPunct('(')) {
    throw cursor.error(
      'UnsupportedStatement',
      'sub-queries are not supported',
      cursor.peek().line,
      `select from the resource directly and compare columns in the WHERE clause: ${SELECT_FORM}`,
    );
  }
  const table = parseTable(cursor, ctx, true);
  parseAlias(cursor, (word) => !CLAUSES.includes(word));
  const where = cursor.acceptWord('where');
  const conditions = classify(cursor, where ? parseConditions(cursor) : [], table.schema);
  cursor.expectEnd();

  const op: SelectOperation = {
    kind: 'select',
    typeName: table.schema.typeName,
    stackqlName: table.stackqlName,
    region: requireRegion(cursor, conditions, (where ?? select).line),
    columns,
    aliases,
    filters: conditions.filters,
  };
  if (conditions.identifier !== undefined) op.identifier = conditions.identifier;
  return op;
}

/** `*`, a column (`api_id`, `t.api_id`), or a function call kept as text (`count(*)`). */
function parseColumn(cursor: Cursor): string {
  if (cursor.acceptPunct('*')) return '*';
  const first = cursor.expectName("a column name or '*'");
  if (!cursor.isPunct('(')) {
    const parts = [first.text];
    while (cursor.acceptPunct('.'))
      parts.push(cursor.acceptPunct('*')?.text ?? cursor.expectName('a column after the dot').text);
    return parts.join('.');
  }
  let depth = 0;
  let last = first;
  do {
    last = cursor.peek();
    if (last.kind === 'end') cursor.fail(`')' to close ${first.text}(`);
    cursor.next();
    if (last.kind === 'punct' && last.text === '(') depth++;
    if (last.kind === 'punct' && last.text === ')') depth--;
  } while (depth > 0);
  return cursor.sql.slice(first.start, last.end).replace(/\s+/g, ' ');
}

/** `AS alias`, or a bare alias word the predicate accepts. */
function parseAlias(cursor: Cursor, bareAllowed: (word: string) => boolean): string | undefined {
  if (cursor.acceptWord('as')) return cursor.expectName('an alias after AS').text;
  const next = cursor.peek();
  if (next.kind === 'word' && bareAllowed(next.text.toLowerCase())) return cursor.next().text;
  return undefined;
}
