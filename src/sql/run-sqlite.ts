/**
 * Runs a SELECT on the embedded SQLite: each StackQL table it reads becomes a temporary table
 * holding the fetched rows, the statement is rewritten to name those tables (the only change
 * to its text), run, and the tables dropped again.
 */
import type { Database } from 'sql.js';
import { DeployError } from '../errors/index.js';
import { closest } from '../common/index.js';
import { columnsOf, rowsOf, type Column } from './columns.js';
import type { Fetched } from './fetch.js';
import type { TableRef } from './scopes.js';
import type { QueryOrigin, QueryResult, Row, SqlValue, StackqlTable } from './types.js';
import type { VirtualTable } from './virtual-tables.js';

/** A table reference with what it reads: a resource type's fetched resources, or a virtual table's rows. */
export interface Bound {
  ref: TableRef;
  table?: StackqlTable;
  virtual?: VirtualTable;
  fetched: Fetched[];
  rows?: SqlValue[][];
}

function columnsFor(b: Bound): Column[] {
  return b.virtual?.columns ?? columnsOf((b.table as StackqlTable).schema, (b.table as StackqlTable).variant);
}

function rowsFor(b: Bound): SqlValue[][] {
  if (b.virtual) return b.rows ?? [];
  const { schema, variant } = b.table as StackqlTable;
  return b.fetched.flatMap((f) => rowsOf(schema, variant, f.region, f.state));
}

function nameOf(b: Bound): string {
  return b.virtual?.name ?? (b.table as StackqlTable).name;
}

let serial = 0;

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The statement with each StackQL name replaced by its temporary table (aliased as before). */
function rewrite(sql: string, bound: { ref: TableRef; temp: string }[]): string {
  let out = '';
  let at = 0;
  for (const { ref, temp } of [...bound].sort((a, b) => a.ref.start - b.ref.start)) {
    const alias = ref.aliased ? '' : ` AS ${quote(ref.parts[ref.parts.length - 1] as string)}`;
    out += `${sql.slice(at, ref.start)}${quote(temp)}${alias}`;
    at = ref.end;
  }
  return out + sql.slice(at);
}

export function runOnSqlite(db: Database, sql: string, bound: Bound[], at: QueryOrigin): QueryResult {
  const id = ++serial;
  const temps = bound.map((b, i) => ({ ...b, temp: `stackql_${id}_${i}` }));
  try {
    for (const bound of temps) {
      const { temp } = bound;
      const columns = columnsFor(bound);
      db.run(`CREATE TEMP TABLE ${quote(temp)} (${columns.map((c) => `${quote(c.name)} ${c.affinity}`).join(', ')})`);
      const insert = db.prepare(`INSERT INTO ${quote(temp)} VALUES (${columns.map(() => '?').join(', ')})`);
      try {
        for (const row of rowsFor(bound)) insert.run(row);
      } finally {
        insert.free();
      }
    }
    return execute(db, rewrite(sql, temps), temps, at);
  } finally {
    for (const { temp } of temps) db.run(`DROP TABLE IF EXISTS temp.${quote(temp)}`);
  }
}

function execute(db: Database, sql: string, temps: (Bound & { temp: string })[], at: QueryOrigin): QueryResult {
  let statement;
  try {
    statement = db.prepare(sql);
    const columns = statement.getColumnNames();
    const rows: Row[] = [];
    while (statement.step()) {
      const values = statement.get() as SqlValue[];
      const row: Row = {};
      columns.forEach((c, i) => (row[c] = values[i] ?? null));
      rows.push(row);
    }
    return { columns, rows };
  } catch (error) {
    throw sqlError(error, temps, at);
  } finally {
    statement?.free();
  }
}

/** SQLite's message, in the user's names, with a hint where one helps. */
function sqlError(error: unknown, temps: (Bound & { temp: string })[], at: QueryOrigin): DeployError {
  let message = error instanceof Error ? error.message : String(error);
  for (const t of temps) message = message.split(t.temp).join(nameOf(t));
  const missing = message.startsWith('no such column: ') ? message.slice('no such column: '.length) : undefined;
  let hint = 'the statement is run by SQLite (with StackQL functions such as JSON_EQUAL, AWS_POLICY_EQUAL, split_part)';
  if (missing !== undefined) {
    const name = missing.split('.').pop() as string;
    const columns = [...new Set(temps.flatMap((t) => columnsFor(t).map((c) => c.name)))];
    const near = closest(name, columns);
    hint = near.length
      ? `did you mean ${near.map((n) => `'${n}'`).join(', ')}?`
      : `columns of ${temps.map(nameOf).join(', ') || 'the tables read'}: ${columns.join(', ')}`;
  }
  return new DeployError('SqlError', `SQLite: ${message}`, { ...at, hint, cause: error });
}
