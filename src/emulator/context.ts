/**
 * What every operation handler works with, and the lookups they share: the type's schema,
 * identifiers, and the read view of a resource.
 */
import type { Handler, TypeSchema } from '../schema/index.js';
import { CloudControlError, resourceNotFound, unsupportedAction } from './cloud-error.js';
import type { FaultInjector } from './faults.js';
import type { Integrity } from './integrity.js';
import { isObject, jsonEqual } from './json.js';
import type { StoredResource } from './records.js';
import type { RequestRunner } from './request-runner.js';
import type { SchemaCache } from './schema-cache.js';
import type { CloudState } from './state.js';
import type { Model } from './types.js';

export interface CloudContext {
  /** Memoised: the registry resolves names by scanning every type, too slow per request. */
  schemas: SchemaCache;
  state: CloudState;
  runner: RequestRunner;
  faults: FaultInjector;
  integrity: Integrity;
}

/**
 * The type's schema; type names are exact, as in AWS (no StackQL names, no case folding). A
 * type whose schema lists no handler for the operation refuses it (UnsupportedActionException):
 * e.g. the registry's legacy types without handlers cannot be created through Cloud Control.
 */
export function schemaFor(ctx: CloudContext, typeName: string, handler: Handler): TypeSchema {
  const schema = typeName.includes('::') ? ctx.schemas.find(typeName) : undefined;
  if (!schema || schema.typeName !== typeName) {
    const hint = schema ? ` Did you mean '${schema.typeName}'?` : '';
    throw new CloudControlError('TypeNotFoundException', `The type '${typeName}' cannot be found.${hint}`);
  }
  if (!schema.handlers.includes(handler)) throw unsupportedAction(schema.typeName, handler.toUpperCase());
  return schema;
}

function valueAt(model: Model, pointer: string): unknown {
  let value: unknown = model;
  for (const part of pointer.split('/')) value = isObject(value) ? value[part] : undefined;
  return value;
}

/** The primary identifier's values joined by `|`; undefined while a part is unknown. */
export function identifierOf(schema: TypeSchema, model: Model): string | undefined {
  const parts: string[] = [];
  for (const name of schema.primaryIdentifier) {
    const value = valueAt(model, name);
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    parts.push(String(value));
  }
  return parts.length ? parts.join('|') : undefined;
}

/**
 * The live resource a request's Identifier names: the primary identifier as a string, or a
 * primary or secondary identifier as a JSON object. Missing: ResourceNotFoundException, or
 * undefined with `missingOk`.
 */
export function findResource(ctx: CloudContext, region: string, schema: TypeSchema, identifier: string): StoredResource;
export function findResource(
  ctx: CloudContext,
  region: string,
  schema: TypeSchema,
  identifier: string,
  options: { missingOk: true },
): StoredResource | undefined;
export function findResource(
  ctx: CloudContext,
  region: string,
  schema: TypeSchema,
  identifier: string,
  options?: { missingOk: true },
): StoredResource | undefined {
  const found = lookup(ctx, region, schema, identifier);
  if (!found && !options?.missingOk) throw resourceNotFound(schema.typeName, identifier);
  return found;
}

function lookup(ctx: CloudContext, region: string, schema: TypeSchema, identifier: string): StoredResource | undefined {
  const direct = ctx.state.resource(region, schema.typeName, identifier);
  if (direct) return direct;
  const asJson = identifier.trimStart().startsWith('{') ? parseJson(identifier) : undefined;
  if (isObject(asJson) && Object.keys(asJson).length) {
    const primary = identifierOf(schema, asJson);
    const byPrimary = primary === undefined ? undefined : ctx.state.resource(region, schema.typeName, primary);
    if (byPrimary) return byPrimary;
    for (const candidate of ctx.state.resourcesOf(region, schema.typeName)) {
      if (Object.entries(asJson).every(([k, v]) => jsonEqual(candidate.model[k], v))) return candidate;
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a read returns: the model without write-only properties (and never a null). */
export function readModel(schema: TypeSchema, model: Model): Model {
  const result: Model = {};
  const writeOnly = new Set(schema.writeOnly);
  for (const [key, value] of Object.entries(model)) {
    if (!writeOnly.has(key) && value !== null && value !== undefined) result[key] = value;
  }
  return result;
}
