/**
 * `INSERT INTO aws.<service>.<resources> (<Property>, ..., region) SELECT '<value>', ...` (or
 * `VALUES (...)`) → a create with a typed desired state.
 */
import type { TypeSchema } from '../schema/index.js';
import { coerce } from './coerce.js';
import type { Cursor } from './cursor.js';
import type { Token } from './lexer.js';
import { literalText, parseLiteral, type Literal } from './literal.js';
import { own } from './own.js';
import { parseReturning } from './returning.js';
import { parseTable } from './table.js';
import type { CreateOperation, StatementContext } from './types.js';

export const INSERT_FORM =
  "INSERT INTO aws.<service>.<resources> (<Property>, ..., region) SELECT '<value>', ..., '<region>' (or VALUES ('<value>', ..., '<region>'))";

export function parseInsert(cursor: Cursor, ctx: StatementContext): CreateOperation {
  const insert = cursor.expectWord('insert');
  cursor.hint = INSERT_FORM;
  cursor.expectWord('into');
  const table = parseTable(cursor, ctx);

  cursor.expectPunct('(');
  const columns: Token[] = [];
  do columns.push(cursor.expectName('a property name'));
  while (cursor.acceptPunct(','));
  cursor.expectPunct(')');

  const { values, line: valuesLine } = parseValues(cursor);
  const returning = parseReturning(cursor);
  cursor.expectEnd();

  if (columns.length !== values.length) {
    throw cursor.error(
      'ColumnCountMismatch',
      `INSERT lists ${count(columns.length, 'column')} but ${count(values.length, 'value')}`,
      valuesLine,
      'give exactly one value per column, in the same order',
    );
  }

  let region: string | undefined;
  const desiredState: Record<string, unknown> = {};
  const propertyLines: Record<string, number> = {};
  const seen = new Set<string>();
  columns.forEach((column, i) => {
    const literal = values[i] as Literal;
    if (seen.has(column.text)) {
      throw cursor.error(
        'DuplicateColumn',
        `column ${column.text} is listed twice`,
        column.line,
        'list each property once',
      );
    }
    seen.add(column.text);
    if (isRegionColumn(column.text, table.schema)) {
      region = literalText(literal);
      return;
    }
    propertyLines[column.text] = column.line;
    // NULL means "not set", as in stackql-deploy: the property is left out of the desired state.
    if (literal.kind === 'null') return;
    const type = own(table.schema.properties, column.text)?.type ?? own(table.schema.readOnly, column.text);
    desiredState[column.text] = coerce(cursor, literal, type, column.text);
  });

  if (region === undefined) {
    throw cursor.error(
      'MissingRegion',
      `INSERT into ${table.stackqlName} names no region`,
      insert.line,
      "add region to the column list and its value (e.g. '{{ region }}') to the values",
    );
  }

  const op: CreateOperation = {
    kind: 'create',
    typeName: table.schema.typeName,
    stackqlName: table.stackqlName,
    region,
    desiredState,
  };
  if (returning !== undefined) op.returning = returning;
  Object.defineProperty(op, 'propertyLines', { value: propertyLines, enumerable: false });
  return op;
}

function parseValues(cursor: Cursor): { values: Literal[]; line: number } {
  const values: Literal[] = [];
  const select = cursor.acceptWord('select');
  const keyword = select ?? cursor.acceptWord('values') ?? cursor.fail('SELECT or VALUES after the column list');
  if (select === undefined) cursor.expectPunct('(');
  do values.push(parseLiteral(cursor));
  while (cursor.acceptPunct(','));
  if (select === undefined) {
    cursor.expectPunct(')');
    if (cursor.isPunct(',')) {
      throw cursor.error(
        'UnsupportedStatement',
        'INSERT … VALUES with several rows is not supported',
        cursor.peek().line,
        'write one INSERT per resource',
      );
    }
  }
  return { values, line: keyword.line };
}

/**
 * `region` is StackQL's column, not a property; but some types have a real `Region` property
 * (AWS::Route53::RecordSet), so an exact property name wins.
 */
function isRegionColumn(column: string, schema: TypeSchema): boolean {
  return column.toLowerCase() === 'region' && !Object.hasOwn(schema.properties, column);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
