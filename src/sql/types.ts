/** What the SQL layer speaks: rows of plain values, and where a query came from (for errors). */
import type { TypeSchema } from '../schema/index.js';

/** A value as SQLite stores it: objects and arrays are JSON text, booleans 1 and 0. */
export type SqlValue = string | number | null;

/** One result row, column name → value, in the query's column order. */
export type Row = Record<string, SqlValue>;

export interface QueryResult {
  columns: string[];
  rows: Row[];
}

/** Where a statement sits, so errors point at the file line the user edits. */
export interface QueryOrigin {
  file: string;
  /** 1-based line of the statement's first character. */
  line: number;
  resource?: string;
}

/**
 * How a StackQL resource name is read: `aws.ec2.vpcs` (ListResources, then GetResource of
 * each), `aws.ec2.vpcs_list_only` (ListResources rows only) or `aws.ec2.vpc_tags` (one row per
 * tag of each resource).
 */
export type TableVariant = 'resource' | 'list_only' | 'tags';

export interface StackqlTable {
  /** As written, e.g. `aws.ec2.vpc_tags`. */
  name: string;
  schema: TypeSchema;
  variant: TableVariant;
}

/** `column = value` or `column IN (values)` from a WHERE or ON conjunction; column lower case. */
export interface Constraint {
  column: string;
  values: (string | number)[];
}
