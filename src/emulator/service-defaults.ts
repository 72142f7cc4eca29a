/**
 * What the service fills in for properties the user did not send, so that reads return what
 * AWS reads return: the registry schema's defaults (also inside objects the user did send), then
 * the defaults recorded reads show the service filling in (real-reads.ts), some of them only
 * when another property has a given value (an SQS queue's DeduplicationScope when FifoQueue is
 * true). A property the user sent is never touched.
 */
import type { PropertySchema, TypeSchema, ValueType } from '../schema/index.js';
import { ACCOUNT_ID } from './attributes.js';
import { isObject, jsonEqual } from './json.js';
import { observedDefaults, type ObservedDefault } from './real-reads.js';
import type { Model } from './types.js';
import { expandTemplate } from './value-template.js';

/** The registry's defaults for absent properties, top level and nested. Returns a new model. */
export function withSchemaDefaults(schema: TypeSchema, model: Model): Model {
  return fillObject(schema, schema.properties, model, new Set(schema.writeOnly));
}

/** The defaults recorded reads show the service filling in. Returns a new model. */
export function withObservedDefaults(schema: TypeSchema, model: Model, region: string): Model {
  const result: Model = { ...model };
  const scope = { region, account: ACCOUNT_ID, property: (name: string) => result[name] };
  for (const [path, rule] of Object.entries(observedDefaults(schema.typeName))) {
    const keys = path.split('.');
    const top = keys[0] ?? '';
    if (!(top in schema.properties) || schema.writeOnly.includes(top) || !applies(rule, model)) continue;
    const parent = keys.length === 1 ? result : ownedObject(result, keys.slice(0, -1));
    const key = keys[keys.length - 1] ?? '';
    if (!parent || parent[key] !== undefined) continue;
    const value = expandTemplate(rule.value, scope);
    if (value !== undefined) parent[key] = value;
  }
  return result;
}

function applies(rule: ObservedDefault, model: Model): boolean {
  if (rule.whenSet !== undefined && model[rule.whenSet] === undefined) return false;
  return Object.entries(rule.when ?? {}).every(([name, value]) => jsonEqual(model[name], value));
}

/**
 * The object at `path` that the user sent, copied into `model` so it can be filled without
 * touching the original; undefined when it is absent (a default never creates its parent).
 */
function ownedObject(model: Model, path: string[]): Record<string, unknown> | undefined {
  let at: Record<string, unknown> = model;
  for (const key of path) {
    const next = at[key];
    if (!isObject(next)) return undefined;
    at[key] = { ...next };
    at = at[key] as Record<string, unknown>;
  }
  return at;
}

function fillObject(
  schema: TypeSchema,
  properties: Record<string, PropertySchema>,
  value: Record<string, unknown>,
  skip: ReadonlySet<string>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...value };
  for (const [name, property] of Object.entries(properties)) {
    if (skip.has(name)) continue;
    if (result[name] === undefined) {
      if (property.default !== undefined) result[name] = structuredClone(property.default);
    } else {
      result[name] = fillValue(schema, property.type, result[name]);
    }
  }
  return result;
}

/** Defaults inside a value the user sent: objects of a known definition, and lists of them. */
function fillValue(schema: TypeSchema, type: ValueType, value: unknown): unknown {
  if (type.kind === 'ref' && isObject(value)) {
    const definition = schema.definitions[type.ref];
    return definition ? fillObject(schema, definition.properties, value, new Set()) : value;
  }
  if (type.kind === 'array' && Array.isArray(value)) return value.map((item) => fillValue(schema, type.element, item));
  return value;
}
