/**
 * Runs the SELECTs of a stack: exists, statecheck, exports, callback and `type: query`. A flat
 * SELECT is answered directly; anything more (sub-queries, GROUP BY, joins, JSON functions)
 * by the embedded SQLite over temporary tables fetched through Cloud Control. The cloud is
 * reached only through the port handed in.
 */
import type { CloudControlPort } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import { tokenize } from '../query/lexer.js';
import type { SchemaRegistry } from '../schema/index.js';
import { containsUnknown, unknownPaths } from '../template/index.js';
import { fetchPlan, fetchStates, planKey, type Fetched, type ReadCache } from './fetch.js';
import { evaluateFlat, flatQuery } from './flat.js';
import { runOnSqlite, type Bound } from './run-sqlite.js';
import { findTables } from './scopes.js';
import { sqliteDatabase } from './sqlite.js';
import { resolveTable } from './table-name.js';
import type { QueryOrigin, QueryResult, StackqlTable } from './types.js';
import { virtualTable } from './virtual-tables.js';

export interface SqlEngineOptions {
  cloud: CloudControlPort;
  registry: SchemaRegistry;
  /** GetResource calls in flight per table read (default 10). */
  parallelism?: number;
  /** Told every query before it runs (`--show-queries`). */
  trace?: (query: { sql: string } & QueryOrigin) => void;
}

/** A query's answer, and what it read: enough to tell which resource made it answer so. */
export interface Selection extends QueryResult {
  /** The resources of `typeName` the query read. */
  candidates(typeName: string): Fetched[];
  /** The same query answered as if `candidate` were the only resource of its type. */
  narrowed(typeName: string, candidate: Fetched): Promise<QueryResult>;
}

function same(a: Fetched, b: Fetched): boolean {
  return a.region === b.region && a.state.identifier === b.state.identifier;
}

export class SqlEngine {
  private readonly parallelism: number;

  constructor(private readonly options: SqlEngineOptions) {
    this.parallelism = options.parallelism ?? 10;
  }

  /** The same engine reading through another port (e.g. a plan's bounded reads). */
  using(cloud: CloudControlPort): SqlEngine {
    return new SqlEngine({ ...this.options, cloud });
  }

  /** `cache`: resources read earlier in the same phase (a plan), reused instead of read again. */
  async select(sql: string, at: QueryOrigin, cache?: ReadCache): Promise<Selection> {
    if (containsUnknown(sql)) {
      throw new DeployError('UnresolvedValue', `the query uses values not known yet: ${unknownPaths(sql).join(', ')}`, {
        ...at,
        hint: 'it can run once the resources it names exist',
      });
    }
    const { cloud, registry } = this.options;
    this.options.trace?.({ sql, ...at });
    const flat = flatQuery(sql, at, registry);
    if (flat) {
      const fetched = await fetchStates(cloud, fetchPlan(flat.table, flat.constraints, at), this.parallelism, cache);
      const typeName = flat.table.schema.typeName;
      return {
        ...evaluateFlat(flat, fetched).result,
        candidates: (t) => (t === typeName ? fetched : []),
        narrowed: async (t, c) =>
          evaluateFlat(flat, t === typeName ? fetched.filter((f) => same(f, c)) : fetched).result,
      };
    }
    const bound = this.bind(sql, at);
    const reads = new Map<string, Promise<Fetched[]>>();
    await Promise.all(
      bound.map(async (b) => {
        if (b.virtual) {
          b.virtual.check(b.ref.constraints, { ...at, line: b.ref.line });
          b.rows = await b.virtual.read(cloud, b.ref.constraints, this.parallelism);
          return;
        }
        const plan = fetchPlan(b.table as StackqlTable, b.ref.constraints, { ...at, line: b.ref.line });
        const key = planKey(plan);
        if (!reads.has(key)) reads.set(key, fetchStates(cloud, plan, this.parallelism, cache));
        b.fetched = await (reads.get(key) as Promise<Fetched[]>);
      }),
    );
    const db = await sqliteDatabase();
    return {
      ...runOnSqlite(db, sql, bound, at),
      candidates: (t) => {
        const all = bound.filter((b) => b.table?.schema.typeName === t).flatMap((b) => b.fetched);
        return all.filter((f, i) => all.findIndex((g) => same(f, g)) === i);
      },
      narrowed: async (t, c) =>
        runOnSqlite(
          db,
          sql,
          bound.map((b) =>
            b.table?.schema.typeName === t ? { ...b, fetched: b.fetched.filter((f) => same(f, c)) } : b,
          ),
          at,
        ),
    };
  }

  private bind(sql: string, at: QueryOrigin): Bound[] {
    return bind(sql, at, this.options.registry);
  }
}

function bind(sql: string, at: QueryOrigin, registry: SchemaRegistry): Bound[] {
  return findTables(sql, at).map((ref) => {
    const virtual = virtualTable(ref.parts, registry);
    if (virtual) return { ref, virtual, fetched: [] };
    return { ref, table: resolveTable(ref.parts, registry, { ...at, line: ref.line }), fetched: [] };
  });
}

/** The resource types a query reads (no cloud call): what must exist before it can answer. */
export function typesRead(sql: string, at: QueryOrigin, registry: SchemaRegistry): string[] {
  const flat = flatQuery(sql, at, registry);
  if (flat) return [flat.table.schema.typeName];
  return bind(withoutUnknowns(sql, at), at, registry).flatMap((b) => (b.table ? [b.table.schema.typeName] : []));
}

/**
 * The columns a query answers with, checked without any cloud call (for `deploy validate`):
 * its tables, region and list keys, and SQLite's verdict on the statement. Values not known
 * yet are NULL here.
 */
export async function queryColumns(sql: string, at: QueryOrigin, registry: SchemaRegistry): Promise<string[]> {
  const flat = flatQuery(sql, at, registry);
  if (flat) {
    fetchPlan(flat.table, flat.constraints, at);
    return evaluateFlat(flat, []).result.columns;
  }
  const known = withoutUnknowns(sql, at);
  const bound = bind(known, at, registry);
  for (const b of bound) {
    const where = { ...at, line: b.ref.line };
    if (b.virtual) b.virtual.check(b.ref.constraints, where);
    else fetchPlan(b.table as StackqlTable, b.ref.constraints, where);
  }
  return runOnSqlite(await sqliteDatabase(), known, bound, at).columns;
}

/** Values not known yet, where they stand outside quotes, become NULL (inside, they are text). */
function withoutUnknowns(sql: string, at: QueryOrigin): string {
  let out = '';
  let from = 0;
  for (const token of tokenize(sql, at)) {
    if (token.kind !== 'unknown') continue;
    out += `${sql.slice(from, token.start)}NULL`;
    from = token.end;
  }
  return out + sql.slice(from);
}
