/**
 * The columns of a StackQL table and the rows a resource becomes. Columns are the type's
 * properties snake_cased (`vpc_id`), then `region`, `data__Identifier` and `Identifier` (the
 * Cloud Control identifier, in the aws and awscc spellings) and `Properties` (the whole model
 * as JSON); a `_tags` table has `tag_key` and `tag_value` instead of the tags column (as
 * StackQL's tag views do, so `json_group_object(tag_key, tag_value) AS tags` is not shadowed),
 * one row per tag.
 */
import type { ResourceState } from '../cloud/index.js';
import { perObject } from '../common/index.js';
import { snakeCase, type TypeSchema, type ValueType } from '../schema/index.js';
import type { SqlValue, TableVariant } from './types.js';

export interface Column {
  name: string;
  /** SQLite type affinity, so `port = '80'` compares as a number and `cidr = 10` as text. */
  affinity: 'TEXT' | 'NUMERIC' | '';
  /** The model property it reads; absent for the built-in columns. */
  property?: string;
}

function affinity(type: ValueType): Column['affinity'] {
  if (type.kind === 'string' || type.kind === 'date-time') return 'TEXT';
  if (type.kind === 'integer' || type.kind === 'number' || type.kind === 'boolean') return 'NUMERIC';
  return '';
}

const BUILT_IN: Column[] = [
  { name: 'region', affinity: 'TEXT' },
  { name: 'data__Identifier', affinity: 'TEXT' },
  { name: 'Identifier', affinity: 'TEXT' },
  { name: 'Properties', affinity: '' },
];
const TAG_COLUMNS: Column[] = [
  { name: 'tag_key', affinity: 'TEXT' },
  { name: 'tag_value', affinity: 'TEXT' },
];

/** Column names compare case-insensitively in SQLite; a property wins a clash with a built-in. */
const typeTable = perObject((schema: TypeSchema): Column[] => {
  const types: [string, ValueType][] = [
    ...Object.entries(schema.properties).map(([name, p]): [string, ValueType] => [name, p.type]),
    ...Object.entries(schema.readOnly),
  ];
  const columns: Column[] = types.map(([property, type]) => ({
    name: snakeCase(property),
    affinity: affinity(type),
    property,
  }));
  const taken = new Set(columns.map((c) => c.name.toLowerCase()));
  columns.push(...BUILT_IN.filter((c) => !taken.has(c.name.toLowerCase())));
  return columns;
});

export function columnsOf(schema: TypeSchema, variant: TableVariant): Column[] {
  const columns = typeTable(schema);
  if (variant !== 'tags') return columns;
  const tagColumn = snakeCase(tagProperty(schema));
  return [...columns.filter((c) => c.name !== tagColumn), ...TAG_COLUMNS];
}

function tagProperty(schema: TypeSchema): string {
  return schema.tagProperty ?? 'Tags';
}

/** A model value as SQLite holds it. */
export function sqlValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return JSON.stringify(value);
}

/** The resource's rows: one, or one per tag for a `_tags` table (none when it has no tags). */
export function rowsOf(schema: TypeSchema, variant: TableVariant, region: string, state: ResourceState): SqlValue[][] {
  const columns = columnsOf(schema, variant);
  const builtIn: Record<string, unknown> = {
    region,
    data__Identifier: state.identifier,
    Identifier: state.identifier,
    Properties: state.properties,
  };
  const own = variant === 'tags' ? columns.slice(0, -TAG_COLUMNS.length) : columns;
  const row = own.map((c) => sqlValue(c.property !== undefined ? state.properties[c.property] : builtIn[c.name]));
  if (variant !== 'tags') return [row];
  return tagsOf(state.properties[tagProperty(schema)]).map(([key, value]) => [...row, key, value]);
}

/** `[{Key, Value}]` (most types) or `{key: value}` (some, e.g. SSM parameters) as pairs. */
function tagsOf(tags: unknown): [SqlValue, SqlValue][] {
  if (Array.isArray(tags)) {
    return tags
      .filter((t): t is Record<string, unknown> => typeof t === 'object' && t !== null)
      .map((t) => [sqlValue(t['Key'] ?? t['key']), sqlValue(t['Value'] ?? t['value'])]);
  }
  if (typeof tags === 'object' && tags !== null) {
    return Object.entries(tags).map(([k, v]) => [k, sqlValue(v)]);
  }
  return [];
}
