/**
 * Template contexts built from resource state. Once a resource is created or read, all its
 * properties are available snake_cased as `{{ <resource>.<column> }}`, and the names listed in
 * its `exports` bare (`{{ api_id }}`, or the alias). A resource not created yet contributes
 * unknown values ("known after apply").
 */
import type { Stack } from './types.js';
import { snakeCase, type TypeSchema } from '../schema/index.js';
import { unknownResource, unknownValue } from '../template/index.js';

/** `{ApiId: 'x', Tags: {...}}` → `{api_id: 'x', tags: {...}}` (top level only: nested keys are data). */
export function snakeColumns(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties)) out[snakeCase(k)] = v;
  return out;
}

/**
 * What every template of a resource starts from: the stack context (stack_name, stack_env,
 * globals, vars) and, for each resource in manifest order, its known properties, or unknown
 * placeholders when `states` has no entry for it. Later resources win a clash of bare names,
 * as in stackql-deploy.
 */
export function templateBase(
  stack: Stack,
  states: ReadonlyMap<string, Record<string, unknown>>,
): Record<string, unknown> {
  const context: Record<string, unknown> = { ...stack.context };
  for (const resource of stack.manifest.resources) {
    const properties = states.get(resource.name);
    if (properties) {
      const columns = snakeColumns(properties);
      context[resource.name] = columns;
      for (const e of resource.exports) if (columns[e.column] !== undefined) context[e.alias] = columns[e.column];
    } else {
      context[resource.name] = unknownResource(resource.name);
      for (const e of resource.exports) context[e.alias] = unknownValue(`${resource.name}.${e.column}`);
    }
  }
  return context;
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
