/**
 * Which cloud resource a manifest resource is, so it can be read. In order: the ledger (what
 * this engine deployed); the resource's `exists` (or `exports`) query when it is a plain get
 * or a list filtered by columns; the primary identifier when the desired state holds all of
 * it (a Stage is `ApiId|StageName`). Values still unknown mean the resource cannot exist yet.
 */
import type { CloudControlPort, ResourceState } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import type { SelectOperation } from '../query/index.js';
import { pascalCase, snakeCase, type TypeSchema } from '../schema/index.js';
import { containsUnknown } from '../template/index.js';

export interface IdentityInput {
  resource: string;
  schema: TypeSchema;
  region: string;
  ledgerIdentifier?: string;
  lookup?: SelectOperation;
  desired?: Record<string, unknown>;
}

export interface Found {
  state?: ResourceState;
  /** How it was found, for the plan's reason. */
  via: 'ledger' | 'query' | 'identifier' | 'none';
}

export async function locate(cloud: CloudControlPort, input: IdentityInput): Promise<Found> {
  const { schema, region } = input;
  if (input.ledgerIdentifier !== undefined) {
    const state = await cloud.getResource(schema.typeName, region, input.ledgerIdentifier);
    return state ? { state, via: 'ledger' } : { via: 'ledger' };
  }
  const lookup = input.lookup;
  if (lookup && !containsUnknown(lookup)) {
    if (lookup.identifier !== undefined) {
      const state = await cloud.getResource(schema.typeName, region, lookup.identifier);
      return state ? { state, via: 'query' } : { via: 'none' };
    }
    const state = await listMatch(cloud, input, lookup);
    if (state) return { state, via: 'query' };
    return { via: 'none' };
  }
  const identifier = identifierFrom(schema, input.desired);
  if (identifier !== undefined) {
    const state = await cloud.getResource(schema.typeName, region, identifier);
    return state ? { state, via: 'identifier' } : { via: 'none' };
  }
  return { via: 'none' };
}

/** The primary identifier from known desired values, when all its parts are there. */
export function identifierFrom(schema: TypeSchema, desired: Record<string, unknown> | undefined): string | undefined {
  if (!desired || schema.primaryIdentifier.length === 0) return undefined;
  const parts = schema.primaryIdentifier.map((p) => desired[p]);
  if (parts.some((p) => p === undefined || p === null || containsUnknown(p))) return undefined;
  return parts.map(String).join('|');
}

/** Lists the type (scoped by the parts it needs) and keeps what matches the query's filters. */
async function listMatch(
  cloud: CloudControlPort,
  input: IdentityInput,
  lookup: SelectOperation,
): Promise<ResourceState | undefined> {
  const { schema } = input;
  const filters: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(lookup.filters)) filters[propertyName(schema, column)] = value;
  const model: Record<string, unknown> = {};
  for (const part of schema.listRequires) {
    const value = filters[part] ?? input.desired?.[part];
    if (value === undefined || containsUnknown(value)) return undefined; // its parent is not there yet
    model[part] = value;
  }
  const listed = await cloud.listResources(
    schema.typeName,
    input.region,
    Object.keys(model).length ? model : undefined,
  );
  const matches = listed.filter((r) =>
    Object.entries(filters).every(([k, v]) => r.properties[k] !== undefined && String(r.properties[k]) === String(v)),
  );
  if (matches.length > 1) {
    throw new DeployError(
      'AmbiguousLookup',
      `the exists query found ${matches.length} ${schema.typeName} resources: ${matches.map((m) => m.identifier).join(', ')}`,
      {
        resource: input.resource,
        hint: 'make the exists query select exactly one resource (filter on a unique name), or deploy once to record it in the ledger',
      },
    );
  }
  const match = matches[0];
  if (!match) return undefined;
  // Lists may return partial models: read the whole resource.
  return (await cloud.getResource(schema.typeName, input.region, match.identifier)) ?? match;
}

/** `name` → `Name`, matching the schema's own spelling (`db_instance_identifier` → `DBInstanceIdentifier`). */
export function propertyName(schema: TypeSchema, column: string): string {
  const all = [...Object.keys(schema.properties), ...Object.keys(schema.readOnly)];
  return all.find((p) => snakeCase(p) === column.toLowerCase()) ?? pascalCase(column);
}
