/**
 * The flat SELECT (`SELECT a, b AS c | * | COUNT(*) FROM aws.x.y WHERE col = 'v' AND …`) answered
 * without SQLite: what most stacks write, so they never load the SQL engine. Only forms whose
 * answer cannot differ from SQLite's are taken: plain or counted columns, and equalities on
 * text columns (SQLite's comparison of text with text is exact).
 */
import { parseStatement, type SelectOperation } from '../query/index.js';
import type { SchemaRegistry } from '../schema/index.js';
import { columnsOf, rowsOf } from './columns.js';
import type { Fetched } from './fetch.js';
import type { Constraint, QueryOrigin, QueryResult, Row, SqlValue, StackqlTable } from './types.js';

export interface FlatQuery {
  table: StackqlTable;
  constraints: Constraint[];
  op: SelectOperation;
  count?: string;
}

/** `COUNT( * )` → `count(*)`: the parser keeps a function call's text as written. */
function compact(column: string): string {
  return [...column]
    .filter((ch) => ch.trim() !== '')
    .join('')
    .toLowerCase();
}

/** The flat query, or undefined when SQLite is needed (or the statement is not a SELECT). */
export function flatQuery(sql: string, at: QueryOrigin, registry: SchemaRegistry): FlatQuery | undefined {
  let op;
  try {
    op = parseStatement(sql, { ...at, registry });
  } catch {
    return undefined;
  }
  if (op.kind !== 'select') return undefined;
  const schema = registry.resolve(op.typeName);
  const listOnly = op.stackqlName.toLowerCase().endsWith('_list_only');
  const table: StackqlTable = { name: op.stackqlName, schema, variant: listOnly ? 'list_only' : 'resource' };
  const columns = columnsOf(schema, table.variant);
  const known = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  const text = (column: string): boolean => known.get(column.toLowerCase())?.affinity === 'TEXT';
  if (!Object.keys(op.filters).every(text)) return undefined;
  // A plain column is a known name (`vpc_id`, `t.vpc_id`); anything else is SQLite's to answer.
  const plainColumn = (c: string): boolean => c === '*' || known.has((c.split('.').pop() as string).toLowerCase());
  const counted = op.columns.filter((c) => compact(c) === 'count(*)');
  const plain = op.columns.every(plainColumn);
  if (!(plain || (counted.length === 1 && op.columns.length === 1))) return undefined;
  const constraints: Constraint[] = [
    { column: 'region', values: [op.region] },
    ...(op.identifier !== undefined ? [{ column: 'data__identifier', values: [op.identifier] }] : []),
    ...Object.entries(op.filters).map(([column, value]) => ({ column, values: [value] })),
  ];
  const flat: FlatQuery = { table, constraints, op };
  if (counted.length === 1) flat.count = op.aliases[counted[0] as string] ?? (counted[0] as string);
  return flat;
}

/** The rows the query answers from what was fetched, and the resources that matched. */
export function evaluateFlat(flat: FlatQuery, fetched: Fetched[]): { result: QueryResult; matched: Fetched[] } {
  const { table, op } = flat;
  const columns = columnsOf(table.schema, table.variant);
  const index = new Map(columns.map((c, i) => [c.name.toLowerCase(), i]));
  const matched = fetched.filter((f) => {
    const row = rowsOf(table.schema, table.variant, f.region, f.state)[0] as SqlValue[];
    return Object.entries(op.filters).every(([column, value]) => {
      const cell = row[index.get(column.toLowerCase()) as number];
      return cell !== null && cell !== undefined && String(cell) === value;
    });
  });
  if (flat.count !== undefined) {
    return { result: { columns: [flat.count], rows: [{ [flat.count]: matched.length }] }, matched };
  }
  const picked = op.columns.flatMap((c) =>
    c === '*'
      ? columns.map((col) => ({ name: col.name, at: index.get(col.name.toLowerCase()) as number }))
      : [index.get((c.split('.').pop() as string).toLowerCase()) as number].map((at) => ({
          name: op.aliases[c] ?? (columns[at] as { name: string }).name,
          at,
        })),
  );
  const rows = matched.map((f) => {
    const row = rowsOf(table.schema, table.variant, f.region, f.state)[0] as SqlValue[];
    const out: Row = {};
    for (const p of picked) out[p.name] = row[p.at] ?? null;
    return out;
  });
  return { result: { columns: picked.map((p) => p.name), rows }, matched };
}
