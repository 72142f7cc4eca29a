/**
 * Template contexts built from what is known about resources. Once a resource is created or
 * read, its columns are available as `{{ <resource>.<column> }}`: its properties snake_cased,
 * then the columns its exists and exports queries returned (the query wins a clash), and its
 * export aliases; the names listed in its `exports` are also bare (`{{ api_id }}`, or the
 * alias). A resource not created yet, or whose `if` is false, contributes unknown values
 * ("known after apply"); a name exported by another resource whose `if` holds is that one's.
 */
import { createHash } from 'node:crypto';
import type { ExportDef } from '../manifest/index.js';
import { snakeCase, type TypeSchema } from '../schema/index.js';
import { containsUnknown, partiallyUnknown, unknownResource, unknownValue } from '../template/index.js';
import type { Stack } from './types.js';

/** What is known per resource: its template columns, or EXCLUDED when its `if` is false. */
export type Known = ReadonlyMap<string, Record<string, unknown>>;

/** The `known` entry of a resource whose `if` is false in this environment. */
export const EXCLUDED: Record<string, unknown> = Object.freeze({});

/** `{ApiId: 'x', Tags: {...}}` → `{api_id: 'x', tags: {...}}` (top level only: nested keys are data). */
export function snakeColumns(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties)) out[snakeCase(k)] = v;
  return out;
}

/** A resource's template columns: its properties, then query rows (later rows win). */
export function resourceColumns(
  properties: Record<string, unknown>,
  ...rows: (Record<string, unknown> | undefined)[]
): Record<string, unknown> {
  return Object.assign(snakeColumns(properties), ...rows.filter((r) => r !== undefined));
}

/** The columns plus each export's alias, so `{{ res.alias }}` reads what `{{ alias }}` does. */
function withAliases(columns: Record<string, unknown>, exports: ExportDef[]): Record<string, unknown> {
  const out = { ...columns };
  for (const e of exports)
    if (columns[e.column] !== undefined && out[e.alias] === undefined) out[e.alias] = columns[e.column];
  return out;
}

/**
 * The resource's `idempotency_token`: a UUID (v4 form) stable for the stack, environment and
 * resource. stackql-deploy draws one per run; a stable one keeps a template that sends it
 * (e.g. as ClientRequestToken) from showing a change on every plan.
 */
export function idempotencyToken(stack: Stack, resource: string): string {
  const hex = createHash('sha256').update(`${stack.name}\0${stack.env}\0${resource}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * What every template of a resource starts from: the stack context (stack_name, stack_env,
 * globals, vars) and, for each resource in manifest order, its known columns, or unknown
 * placeholders when `known` has no entry for it. Later resources win a clash of bare names,
 * as in stackql-deploy.
 */
export function templateBase(stack: Stack, known: Known): Record<string, unknown> {
  const context: Record<string, unknown> = { ...stack.context };
  // Excluded resources first: a name another resource exports is that one's.
  const resources = stack.manifest.resources;
  const excluded = (r: { name: string }): boolean => known.get(r.name) === EXCLUDED;
  for (const resource of [...resources.filter(excluded), ...resources.filter((r) => !excluded(r))]) {
    const columns = known.get(resource.name);
    if (columns && columns !== EXCLUDED) {
      const all = withAliases(columns, resource.exports);
      context[resource.name] = { ...all, idempotency_token: idempotencyToken(stack, resource.name) };
      // An export its exports query has not answered yet is not known yet.
      for (const e of resource.exports)
        context[e.alias] = all[e.column] !== undefined ? all[e.column] : unknownValue(`${resource.name}.${e.column}`);
    } else {
      context[resource.name] = unknownResource(resource.name);
      for (const e of resource.exports) context[e.alias] = unknownValue(`${resource.name}.${e.column}`);
    }
  }
  return context;
}

/**
 * `this` in a resource's own templates (stackql-deploy 2): its columns, including those its
 * exists query returned, and its idempotency token; members not known (yet) render unknown,
 * so a query needing an exists field not read yet waits for it.
 */
export function thisOf(stack: Stack, resource: string, known: Known): Record<string, unknown> {
  const columns = known.get(resource) ?? {};
  return partiallyUnknown(resource, { ...columns, idempotency_token: idempotencyToken(stack, resource) });
}

/**
 * A resource's own columns, for the anchors that address an existing resource (delete, exists,
 * update), as unknown placeholders: they render and parse, and an exists query that needs them
 * is simply not used for lookups.
 */
export function ownColumns(resourceName: string, schema: TypeSchema | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!schema) return out;
  for (const name of [...Object.keys(schema.properties), ...Object.keys(schema.readOnly)]) {
    out[snakeCase(name)] = unknownValue(`${resourceName}.${snakeCase(name)}`);
  }
  return out;
}

/**
 * The stack's outputs (top-level `exports:`): each name's value among the resources' exports,
 * and the names nothing (known) exports.
 */
export function stackExports(stack: Stack, known: Known): { values: Record<string, unknown>; missing: string[] } {
  const base = templateBase(stack, known);
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const e of stack.manifest.exports) {
    const value = base[e.column];
    if (value === undefined || containsUnknown(value)) missing.push(e.column);
    else values[e.alias] = value;
  }
  return { values, missing };
}
