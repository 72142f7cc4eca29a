/**
 * A minimal JSON Schema (draft-07) checker: exactly the keywords events.schema.json uses, so the
 * schema file stays the single description of the stream and tests of plan/apply/teardown
 * output need no validator dependency. A keyword it does not know is an error, not a silent
 * pass: a schema edit that relies on one must extend this file too.
 */
import { isObject } from '../common/index.js';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  format?: string;
  definitions?: Record<string, JsonSchema>;
}

const ASSERTIONS = new Set([
  '$ref',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'oneOf',
  'minimum',
  'minLength',
  'format',
]);
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'definitions',
  'examples',
  'default',
]);

// RFC 3339 date-time, the profile of ISO 8601 that `new Date().toISOString()` produces.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Problems with `value` against `schema`, each as `<json pointer>: <what is wrong>`; empty when valid. */
export function checkSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema, at = ''): string[] {
  for (const key of Object.keys(schema)) {
    if (!ASSERTIONS.has(key) && !ANNOTATIONS.has(key))
      throw new Error(`unsupported JSON Schema keyword "${key}" at ${at || '/'}`);
  }
  if (schema.$ref !== undefined) return checkSchema(value, resolveRef(schema.$ref, root), root, at);
  const where = at === '' ? '/' : at;

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t)))
      return [`${where}: must be ${types.join(' or ')}, got ${describe(value)}`];
  }
  if ('const' in schema && !sameJson(value, schema.const)) {
    return [`${where}: must be ${JSON.stringify(schema.const)}, got ${describe(value)}`];
  }
  if (schema.enum !== undefined && !schema.enum.some((e) => sameJson(value, e))) {
    return [`${where}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${describe(value)}`];
  }
  if (schema.oneOf !== undefined) return checkOneOf(value, schema.oneOf, root, at);

  const problems: string[] = [];
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${where}: must not be empty`);
    if (schema.format === 'date-time' && !DATE_TIME.test(value))
      problems.push(`${where}: must be an ISO 8601 date-time`);
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
    problems.push(`${where}: must be at least ${schema.minimum}`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    const items = schema.items;
    value.forEach((item, i) => problems.push(...checkSchema(item, items, root, `${at}/${i}`)));
  }
  if (isObject(value)) {
    for (const key of schema.required ?? []) {
      if (!(key in value)) problems.push(`${where}: missing required property "${key}"`);
    }
    for (const [key, item] of Object.entries(value)) {
      const path = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const known = schema.properties?.[key];
      if (known !== undefined) problems.push(...checkSchema(item, known, root, path));
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected property`);
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...checkSchema(item, schema.additionalProperties, root, path));
      }
    }
  }
  return problems;
}

/**
 * Exactly one branch must match. When the branches are told apart by a `type` constant (as
 * every event line is), the problems reported are those of the branch the value claims to be,
 * instead of ten branches' worth of noise.
 */
function checkOneOf(value: unknown, branches: JsonSchema[], root: JsonSchema, at: string): string[] {
  const results = branches.map((b) => checkSchema(value, b, root, at));
  const matching = results.filter((r) => r.length === 0).length;
  if (matching === 1) return [];
  const where = at === '' ? '/' : at;
  if (matching > 1) return [`${where}: matches ${matching} alternatives, expected exactly one`];

  const tags = branches.map((b) => discriminator(b, root));
  const claimed = isObject(value) ? value['type'] : undefined;
  const index = tags.findIndex((t) => t !== undefined && t === claimed);
  if (index >= 0) return results[index] ?? [];
  if (tags.every((t) => t !== undefined)) {
    return [
      `${where}: "type" must be one of ${tags.map((t) => JSON.stringify(t)).join(', ')}, got ${describe(claimed)}`,
    ];
  }
  return [`${where}: matches none of ${branches.length} alternatives`];
}

function discriminator(schema: JsonSchema, root: JsonSchema): unknown {
  const resolved = schema.$ref === undefined ? schema : resolveRef(schema.$ref, root);
  return resolved.properties?.['type']?.const;
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  const prefix = '#/definitions/';
  const target = ref.startsWith(prefix) ? root.definitions?.[ref.slice(prefix.length)] : undefined;
  if (target === undefined) throw new Error(`unresolvable $ref "${ref}"`);
  return target;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`unsupported JSON Schema type "${type}"`);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
