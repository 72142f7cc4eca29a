/**
 * Which cloud resource a manifest resource is, so it can be read. In order: the ledger (what
 * this engine deployed); the resource's `exists` query (or, without one, its `exports` query);
 * the primary identifier when the desired state holds all of it (a Stage is `ApiId|StageName`).
 * Values still unknown mean the resource cannot exist yet.
 *
 * A query that says "it exists" names the resource by an identifier column it returns, or else
 * by elimination: it is run again as if each resource of the type it read were the only one,
 * and the one that still makes it answer yes is the resource.
 */
import type { CloudControlPort, ResourceState } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import { snakeCase, type TypeSchema } from '../schema/index.js';
import { readKey, type ReadCache, type Row, type Selection, type SqlEngine } from '../sql/index.js';
import type { RenderedQuery } from '../stack/index.js';
import { containsUnknown } from '../template/index.js';
import { existence } from './anchor-results.js';

export interface IdentityInput {
  resource: string;
  schema: TypeSchema;
  region: string;
  ledgerIdentifier?: string;
  lookup?: RenderedQuery;
  desired?: Record<string, unknown>;
}

export interface Found {
  state?: ResourceState;
  /** How it was found, for the plan's reason. */
  via: 'ledger' | 'query' | 'identifier' | 'none';
  /** The columns the exists query returned (its `this.*` fields). */
  fields?: Row;
}

export interface Reader {
  cloud: CloudControlPort;
  sql: SqlEngine;
  /** Resources read earlier in this plan. */
  reads?: ReadCache;
}

async function get(reader: Reader, schema: TypeSchema, region: string, id: string): Promise<ResourceState | undefined> {
  const key = readKey(schema.typeName, region, id);
  const state = reader.reads?.get(key) ?? (await reader.cloud.getResource(schema.typeName, region, id));
  if (state) reader.reads?.set(key, state);
  return state;
}

export async function locate(reader: Reader, input: IdentityInput): Promise<Found> {
  const { schema, region } = input;
  if (input.ledgerIdentifier !== undefined) {
    const state = await get(reader, schema, region, input.ledgerIdentifier);
    return state ? { state, via: 'ledger' } : { via: 'ledger' };
  }
  const lookup = input.lookup;
  if (lookup && !containsUnknown(lookup.sql)) {
    const at = { file: lookup.file, line: lookup.line, resource: input.resource };
    const selection = await reader.sql.select(lookup.sql, at, reader.reads);
    const answer = existence(selection, lookup, input.resource);
    if (!answer.exists) return { via: 'none' };
    const state = await identify(reader, input, lookup, selection, answer.fields);
    return { state, via: 'query', ...(answer.fields ? { fields: answer.fields } : {}) };
  }
  const identifier = identifierFrom(schema, input.desired);
  if (identifier !== undefined) {
    const state = await get(reader, schema, region, identifier);
    return state ? { state, via: 'identifier' } : { via: 'none' };
  }
  return { via: 'none' };
}

async function identify(
  reader: Reader,
  input: IdentityInput,
  query: RenderedQuery,
  selection: Selection,
  fields: Row | undefined,
): Promise<ResourceState> {
  const { schema, region } = input;
  const named = identifierIn(schema, fields);
  const byField = named !== undefined ? await get(reader, schema, region, named) : undefined;
  if (byField) return byField;
  const candidates = selection.candidates(schema.typeName);
  const matches = [];
  for (const candidate of candidates) {
    const answer = existence(await selection.narrowed(schema.typeName, candidate), query, input.resource);
    if (answer.exists) matches.push(candidate);
  }
  if (matches.length > 1) {
    throw new DeployError(
      'AmbiguousLookup',
      `the ${query.anchor} query of '${input.resource}' matches ${matches.length} ${schema.typeName} resources: ${matches.map((m) => m.state.identifier).join(', ')}`,
      {
        file: query.file,
        line: query.line,
        resource: input.resource,
        hint: 'make the query select exactly one resource (filter on a unique name or tag), or deploy once to record it in the ledger',
      },
    );
  }
  const match = matches[0];
  if (!match) {
    throw new DeployError(
      'UnidentifiedResource',
      `the ${query.anchor} query of '${input.resource}' says it exists, but not which ${schema.typeName} it is`,
      {
        file: query.file,
        line: query.line,
        resource: input.resource,
        hint: `read the resource from ${schema.stackqlName} (or its _tags or _list_only table) in the query, or return its identifier (${schema.primaryIdentifier.map(snakeCase).join(', ')})`,
      },
    );
  }
  // A list-only read holds a partial model: read the whole resource.
  return (await get(reader, schema, match.region, match.state.identifier)) ?? match.state;
}

/** The identifier an exists row names: `data__Identifier`, or every primary identifier column. */
function identifierIn(schema: TypeSchema, row: Row | undefined): string | undefined {
  if (!row) return undefined;
  const lower = new Map(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));
  const whole = lower.get('data__identifier') ?? lower.get('identifier');
  if (whole !== undefined && whole !== null && whole !== '') return String(whole);
  const parts = schema.primaryIdentifier.map((p) => lower.get(snakeCase(p)));
  return parts.length > 0 && parts.every((p) => p !== undefined && p !== null && p !== '')
    ? parts.join('|')
    : undefined;
}

/** The primary identifier from known values, when all its parts are there. */
export function identifierFrom(schema: TypeSchema, values: Record<string, unknown> | undefined): string | undefined {
  if (!values || schema.primaryIdentifier.length === 0) return undefined;
  const parts = schema.primaryIdentifier.map((p) => values[p]);
  if (parts.some((p) => p === undefined || p === null || containsUnknown(p))) return undefined;
  return parts.map(String).join('|');
}
