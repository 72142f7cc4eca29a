/**
 * Template contexts built from what is known about resources. Once a resource is created or
 * read, its columns are available as `{{ <resource>.<column> }}`: its properties snake_cased,
 * then the columns its exists and exports queries returned (the query wins a clash), and its
 * export aliases; the names listed in its `exports` are also bare (`{{ api_id }}`, or the
 * alias). A resource not created yet, or whose `if` is false, contributes unknown values
 * ("known after apply"); a name exported by another resource whose `if` holds is that one's.
 */
import { createHash } from 'node:crypto';
import { perObject } from '../common/index.js';
import { snakeCase, typeColumns, type TypeSchema } from '../schema/index.js';
import { containsUnknown, MORE_NAMES, partiallyUnknown, unknownResource, unknownValue } from '../template/index.js';
import { contextNames } from './edges.js';
import type { Stack, StackResource } from './types.js';

/** What is known per resource: its template columns, or EXCLUDED when its `if` is false. */
export type Known = ReadonlyMap<string, Record<string, unknown>>;

/** The `known` entry of a resource whose `if` is false in this environment. */
export const EXCLUDED: Record<string, unknown> = Object.freeze({});

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

/** A resource's template columns: its properties, then query rows (later rows win). */
export function resourceColumns(
  properties: Record<string, unknown>,
  ...rows: (Record<string, unknown> | undefined)[]
): Record<string, unknown> {
  return Object.assign({ ...snakeColumns(properties) }, ...rows.filter((r) => r !== undefined)) as Record<
    string,
    unknown
  >;
}

const tokens = new WeakMap<Stack, Map<string, string>>();

/**
 * The resource's `idempotency_token`: a UUID (v4 form) stable for the stack, environment and
 * resource. stackql-deploy draws one per run; a stable one keeps a template that sends it
 * (e.g. as ClientRequestToken) from showing a change on every plan. Remembered per stack: every
 * render of a resource reads it (a SHA-256 each time was 8% of rendering a 500-resource apply).
 */
export function idempotencyToken(stack: Stack, resource: string): string {
  let known = tokens.get(stack);
  if (known === undefined) tokens.set(stack, (known = new Map<string, string>()));
  let token = known.get(resource);
  if (token === undefined) {
    const hex = createHash('sha256').update(`${stack.name}\0${stack.env}\0${resource}`).digest('hex');
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    token = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    known.set(resource, token);
  }
  return token;
}

/** A manifest resource giving a value to a name: its own name (`column` undefined) or an export. */
interface Definition {
  resource: string;
  column?: string;
}

interface StackNames {
  /** For each name resources define, every definition in manifest order (a resource before its exports). */
  definitions: Map<string, Definition[]>;
  /** Export aliases per resource, for `{{ res.alias }}`. */
  exports: Map<string, { column: string; alias: string }[]>;
  /** Every name a template of the stack can read, for "did you mean" hints. */
  all: string[];
}

/** `compute`, remembered per resource: what it gives depends only on the resource and its stack. */
function perResource<T>(
  compute: (stack: Stack, resource: StackResource) => T,
): (stack: Stack, resource: StackResource) => T {
  const remembered = perObject((resource: StackResource, stack: Stack) => compute(stack, resource));
  return (stack, resource) => remembered(resource, stack);
}

/** Every top-level name the templates of `resource` may look up. */
const namesUsed = perResource((stack, resource) => contextNames(resource, stack.manifest));

/** The names the stack's resources define, worked out once per stack. */
const namesOf = perObject((stack: Stack): StackNames => {
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
  const exports = new Map(stack.manifest.resources.map((r) => [r.name, r.exports]));
  return { definitions, exports, all: [...new Set([...Object.keys(stack.context), ...definitions.keys()])] };
});

/** The names of other resources (and their exports) the templates of `resource` read. */
const namesRead = perResource((stack, resource) => {
  const { definitions } = namesOf(stack);
  return [...namesUsed(stack, resource)].filter((n) => definitions.has(n));
});

/**
 * The stack variables (environment, -e, vars, globals, stack_name...) the templates of `resource`
 * read. The stack context holds every environment variable: copying all of them into each
 * resource's context (several times per render) made a 10,000-resource plan allocate about
 * 700 MB before its first request.
 */
const variablesRead = perResource((stack, resource) =>
  [...namesUsed(stack, resource)].filter((n) => Object.hasOwn(stack.context, n)),
);

/** The resources whose states `templateBase` reads for `resource` (itself included, for `this`). */
export const producersRead = perResource((stack, resource) => {
  const { definitions } = namesOf(stack);
  const named = namesRead(stack, resource).flatMap((n) => (definitions.get(n) ?? []).map((d) => d.resource));
  return [...new Set([resource.def.name, ...named])];
});

/** The value `name` has: its definitions in manifest order, excluded resources first, the last wins. */
function valueOf(stack: Stack, known: Known, name: string): unknown {
  const { definitions, exports } = namesOf(stack);
  const defs = definitions.get(name) ?? [];
  const excluded = (d: Definition): boolean => known.get(d.resource) === EXCLUDED;
  let value: unknown;
  for (const d of [...defs.filter(excluded), ...defs.filter((d) => !excluded(d))]) {
    const columns = known.get(d.resource);
    const live = columns !== undefined && columns !== EXCLUDED;
    if (d.column === undefined) {
      value = live
        ? {
            ...withAliases(columns, exports.get(d.resource) ?? []),
            idempotency_token: idempotencyToken(stack, d.resource),
          }
        : unknownResource(d.resource);
    } else {
      // An export its exports query has not answered yet is not known yet.
      const found = live ? columnOf(columns, exports.get(d.resource) ?? [], d.column) : undefined;
      value = found !== undefined ? found : unknownValue(`${d.resource}.${d.column}`);
    }
  }
  return value;
}

/**
 * One column of `withAliases(columns, exports)`, without copying the resource's whole state (a
 * consumer reads one export of a state of dozens of properties, at every render): the column
 * itself when known, else the known column of the first export whose alias is `name`.
 */
function columnOf(
  columns: Record<string, unknown>,
  exports: { column: string; alias: string }[],
  name: string,
): unknown {
  if (columns[name] !== undefined) return columns[name];
  for (const e of exports) if (e.alias === name && columns[e.column] !== undefined) return columns[e.column];
  return undefined;
}

/** The columns plus each export's alias, so `{{ res.alias }}` reads what `{{ alias }}` does. */
function withAliases(
  columns: Record<string, unknown>,
  exports: { column: string; alias: string }[],
): Record<string, unknown> {
  const out = { ...columns };
  for (const e of exports)
    if (columns[e.column] !== undefined && out[e.alias] === undefined) out[e.alias] = columns[e.column];
  return out;
}

/**
 * What every template of `resource` starts from: the stack variables it reads (stack_name,
 * stack_env, globals, vars, the environment) and, for each name of another resource it reads,
 * that resource's known columns (`{{ api.api_id }}`) or export (`{{ api_id }}`), or an unknown
 * placeholder when `known` has no entry for it. A name several resources define takes its value
 * from the last in manifest order, as in stackql-deploy, unless that one's `if` is false. Only
 * the names the resource reads are filled in, so the context stays small however large the
 * stack and its environment (hints still list every name).
 */
export function templateBase(stack: Stack, known: Known, resource: StackResource): Record<string, unknown> {
  const { all } = namesOf(stack);
  const context: Record<string, unknown> = { [MORE_NAMES]: () => all };
  for (const name of variablesRead(stack, resource)) context[name] = stack.context[name];
  for (const name of namesRead(stack, resource)) context[name] = valueOf(stack, known, name);
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
 * The stack's outputs (top-level `exports:`): each name's value among the resources' exports,
 * and the names nothing (known) exports.
 */
export function stackExports(stack: Stack, known: Known): { values: Record<string, unknown>; missing: string[] } {
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const e of stack.manifest.exports) {
    const value = valueOf(stack, known, e.column);
    if (value === undefined || containsUnknown(value)) missing.push(e.column);
    else values[e.alias] = value;
  }
  return { values, missing };
}

/**
 * A resource's own columns its templates read, for the anchors that address an existing
 * resource (delete, exists, update), as unknown placeholders: they render and parse, and an
 * exists query that needs them is simply not used for lookups.
 */
export function ownColumns(
  stack: Stack,
  resource: StackResource,
  schema: TypeSchema | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!schema) return out;
  const used = namesUsed(stack, resource);
  for (const column of typeColumns(schema)) {
    if (used.has(column)) out[column] = unknownValue(`${resource.def.name}.${column}`);
  }
  return out;
}
