/**
 * Template contexts built from resource state. Once a resource is created or read, all its
 * properties are available snake_cased as `{{ <resource>.<column> }}`, and the names listed in
 * its `exports` bare (`{{ api_id }}`, or the alias). A resource not created yet contributes
 * unknown values ("known after apply").
 */
import type { Stack, StackResource } from './types.js';
import { snakeCase, type TypeSchema } from '../schema/index.js';
import { MORE_NAMES, unknownResource, unknownValue } from '../template/index.js';
import { contextNames } from './edges.js';

const columnsOf = new WeakMap<Record<string, unknown>, Record<string, unknown>>();

/**
 * `{ApiId: 'x', Tags: {...}}` → `{api_id: 'x', tags: {...}}` (top level only: nested keys are
 * data). Remembered per properties object, which the engine never changes once stored.
 */
export function snakeColumns(properties: Record<string, unknown>): Record<string, unknown> {
  let out = columnsOf.get(properties);
  if (out === undefined) {
    out = {};
    for (const [k, v] of Object.entries(properties)) out[snakeCase(k)] = v;
    columnsOf.set(properties, out);
  }
  return out;
}

/** A manifest resource giving a value to a name: its own name (`column` undefined) or an export. */
interface Definition {
  resource: string;
  column?: string;
}

interface StackNames {
  /** For each name resources define, every definition in manifest order (a resource before its exports). */
  definitions: Map<string, Definition[]>;
  /** Every name a template of the stack can read, for "did you mean" hints. */
  all: string[];
}

const stackNames = new WeakMap<Stack, StackNames>();
const resourceNames = new WeakMap<StackResource, string[]>();

function namesOf(stack: Stack): StackNames {
  let names = stackNames.get(stack);
  if (names === undefined) {
    const definitions = new Map<string, Definition[]>();
    const define = (name: string, d: Definition): void => {
      const list = definitions.get(name);
      if (list) list.push(d);
      else definitions.set(name, [d]);
    };
    for (const r of stack.manifest.resources) {
      define(r.name, { resource: r.name });
      for (const e of r.exports) define(e.alias, { resource: r.name, column: e.column });
    }
    names = { definitions, all: [...new Set([...Object.keys(stack.context), ...definitions.keys()])] };
    stackNames.set(stack, names);
  }
  return names;
}

/** The names of other resources (and their exports) the templates of `resource` read. */
function namesRead(stack: Stack, resource: StackResource): string[] {
  let read = resourceNames.get(resource);
  if (read === undefined) {
    const { definitions } = namesOf(stack);
    read = [...contextNames(resource, stack.manifest)].filter((n) => definitions.has(n));
    resourceNames.set(resource, read);
  }
  return read;
}

const producers = new WeakMap<StackResource, string[]>();

/** The resources whose states `templateBase` reads for `resource`: all it depends on for rendering. */
export function producersRead(stack: Stack, resource: StackResource): string[] {
  let found = producers.get(resource);
  if (found === undefined) {
    const { definitions } = namesOf(stack);
    found = [...new Set(namesRead(stack, resource).flatMap((n) => (definitions.get(n) ?? []).map((d) => d.resource)))];
    producers.set(resource, found);
  }
  return found;
}

/**
 * What every template of `resource` starts from: the stack context (stack_name, stack_env,
 * globals, vars) and, for each name of another resource it reads, that resource's known
 * properties (`{{ api.api_id }}`) or export (`{{ api_id }}`), or an unknown placeholder when
 * `states` has no entry for it. A name several resources define takes its value from the last
 * in manifest order, as in stackql-deploy. Only the names the resource reads are filled in, so
 * the context stays small however large the stack (hints still list every name).
 */
export function templateBase(
  stack: Stack,
  states: ReadonlyMap<string, Record<string, unknown>>,
  resource: StackResource,
): Record<string, unknown> {
  const { definitions, all } = namesOf(stack);
  const context: Record<string, unknown> = { ...stack.context, [MORE_NAMES]: () => all };
  for (const name of namesRead(stack, resource)) {
    for (const d of definitions.get(name) ?? []) {
      const properties = states.get(d.resource);
      if (d.column === undefined) {
        context[name] = properties ? snakeColumns(properties) : unknownResource(d.resource);
      } else if (!properties) {
        context[name] = unknownValue(`${d.resource}.${d.column}`);
      } else {
        const value = snakeColumns(properties)[d.column];
        if (value !== undefined) context[name] = value;
      }
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
