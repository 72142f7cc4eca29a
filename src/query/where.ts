/**
 * WHERE clauses: `column = value` conditions joined by AND. Cloud Control can only get one
 * resource by identifier or list a region, so nothing richer is accepted; the region and the
 * identifier are picked out, the rest are kept as filters.
 */
import { snakeCase, type TypeSchema } from '../schema/index.js';
import type { Cursor } from './cursor.js';
import { literalText, parseLiteral } from './literal.js';

export interface Condition {
  column: string;
  value: string;
  line: number;
}

export interface Where {
  region?: string;
  identifier?: string;
  /** Other conditions, column snake_cased. */
  filters: Record<string, string>;
  /** Lines of the other conditions, for callers that reject them. */
  filterLines: Record<string, number>;
}

/** Parses `WHERE a = 'x' AND b = 'y'`, the WHERE keyword already consumed. */
export function parseConditions(cursor: Cursor): Condition[] {
  const conditions: Condition[] = [];
  do {
    const column = cursor.expectName('a column name');
    if (cursor.isPunct('('))
      cursor.fail(`'=' (conditions are column = 'value'; functions such as ${column.text}(…) are not supported)`);
    if (!cursor.isPunct('='))
      cursor.fail(`'=' after ${column.text} (only column = 'value' conditions joined by AND are supported)`);
    cursor.next();
    const literal = parseLiteral(cursor);
    const value = literalText(literal);
    if (value === undefined) {
      throw cursor.error(
        'UnsupportedStatement',
        `${column.text} = NULL matches nothing`,
        literal.line,
        "compare with a value: column = 'value'",
      );
    }
    conditions.push({ column: column.text, value, line: column.line });
  } while (cursor.acceptWord('and'));
  if (cursor.isWord('or')) {
    throw cursor.error(
      'UnsupportedStatement',
      'OR is not supported in conditions',
      cursor.peek().line,
      'Cloud Control gets one resource by identifier or lists a region: join column = value conditions with AND',
    );
  }
  return conditions;
}

/**
 * `data__Identifier` (aws) and `Identifier` (awscc) are the same Cloud Control identifier. A few
 * types have their own `Identifier` property (AWS::Cognito::UserPoolResourceServer); unless it
 * is the whole primary identifier, its snake_case column `identifier` is a filter.
 */
function isIdentifier(column: string, schema: TypeSchema): boolean {
  const lower = column.toLowerCase();
  if (lower === 'data__identifier') return true;
  if (lower !== 'identifier') return false;
  if (column !== 'identifier') return true;
  const own = Object.hasOwn(schema.properties, 'Identifier') || Object.hasOwn(schema.readOnly, 'Identifier');
  return !own || schema.primaryIdentifier.join('|') === 'Identifier';
}

export function classify(cursor: Cursor, conditions: Condition[], schema: TypeSchema): Where {
  const where: Where = { filters: {}, filterLines: {} };
  for (const { column, value, line } of conditions) {
    const key = column.toLowerCase() === 'region' ? 'region' : isIdentifier(column, schema) ? 'identifier' : undefined;
    const filter = key === undefined ? snakeCase(column) : undefined;
    const taken = key !== undefined ? where[key] !== undefined : Object.hasOwn(where.filters, filter as string);
    if (taken) {
      throw cursor.error('DuplicateCondition', `${column} is compared twice`, line, 'keep one condition per column');
    }
    if (key !== undefined) where[key] = value;
    else {
      where.filters[filter as string] = value;
      where.filterLines[filter as string] = line;
    }
  }
  return where;
}

/** `line`: where to point when the condition is missing (the WHERE keyword or the statement). */
export function requireRegion(cursor: Cursor, where: Where, line: number): string {
  if (where.region !== undefined) return where.region;
  throw cursor.error(
    'MissingRegion',
    'the statement names no region',
    line,
    "add AND region = '{{ region }}' to the WHERE clause",
  );
}

export function requireIdentifier(cursor: Cursor, where: Where, line: number, verb: string): string {
  if (where.identifier !== undefined) return where.identifier;
  throw cursor.error(
    'MissingIdentifier',
    `${verb} needs the resource's identifier`,
    line,
    "add data__Identifier = '<primary identifier>' (parts joined by '|', e.g. '{{ api_id }}|{{ integration_id }}') to the WHERE clause",
  );
}

/** UPDATE and DELETE act on exactly one resource: conditions other than its identity are refused. */
export function rejectFilters(cursor: Cursor, where: Where, verb: string): void {
  const [column, line] = Object.entries(where.filterLines)[0] ?? [];
  if (column === undefined || line === undefined) return;
  throw cursor.error(
    'UnsupportedStatement',
    `${verb} cannot filter on '${column}'`,
    line,
    `${verb} selects its resource only by data__Identifier and region`,
  );
}
