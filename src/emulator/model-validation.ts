/**
 * Checks a resource model against its type schema, as Cloud Control does before calling a
 * handler. AWS answers an invalid model with ValidationException in its schema validator's
 * wording ("Model validation failed (#/Path: …)"); the message names every offending property,
 * not only the first.
 */
import type { PropertySchema, TypeSchema, ValueType } from '../schema/index.js';
import { validationError } from './cloud-error.js';
import { isObject, jsonTypeName } from './json.js';
import type { Model } from './types.js';

/**
 * Validates the writable part of a model. `readOnlyAllowed` is for updates, whose models
 * carry the generated attributes; a create may not set them.
 */
export function validateModel(schema: TypeSchema, value: unknown, readOnlyAllowed: boolean): Model {
  if (!isObject(value)) {
    throw validationError(`Model validation failed (#: expected type: JSONObject, found: ${jsonTypeName(value)})`);
  }
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (key in schema.properties) continue;
    if (key in schema.readOnly) {
      if (!readOnlyAllowed) problems.push(`#: read-only property [${key}] cannot be set`);
    } else {
      problems.push(`#: extraneous key [${key}] is not permitted`);
    }
  }
  checkObject(schema, schema.properties, value, '#', problems);
  if (problems.length) throw validationError(`Model validation failed (${problems.join('; ')})`);
  return value;
}

function checkObject(
  schema: TypeSchema,
  properties: Record<string, PropertySchema>,
  value: Record<string, unknown>,
  where: string,
  problems: string[],
): void {
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in value)) problems.push(`${where}: required key [${name}] not found`);
    if (name in value) checkValue(schema, property.type, value[name], `${where}/${name}`, problems);
  }
}

function checkValue(schema: TypeSchema, type: ValueType, value: unknown, where: string, problems: string[]): void {
  const expect = (ok: boolean, expected: string): void => {
    if (!ok) problems.push(`${where}: expected type: ${expected}, found: ${jsonTypeName(value)}`);
  };
  switch (type.kind) {
    case 'string':
    case 'date-time':
      return expect(typeof value === 'string', 'String');
    case 'integer':
      return expect(typeof value === 'number' && Number.isInteger(value), 'Integer');
    case 'number':
      return expect(typeof value === 'number', 'Number');
    case 'boolean':
      return expect(typeof value === 'boolean', 'Boolean');
    case 'json':
      // Free-form JSON: an object in nearly every schema, a JSON string in a few (policies).
      return expect(typeof value === 'object' || typeof value === 'string', 'JSONObject');
    case 'null':
      return;
    case 'tag':
      return expect(isObject(value), 'JSONObject');
    case 'array':
      expect(Array.isArray(value), 'JSONArray');
      if (Array.isArray(value))
        value.forEach((item, i) => checkValue(schema, type.element, item, `${where}/${i}`, problems));
      return;
    case 'map':
      expect(isObject(value), 'JSONObject');
      if (isObject(value)) {
        for (const [k, v] of Object.entries(value)) checkValue(schema, type.element, v, `${where}/${k}`, problems);
      }
      return;
    case 'ref':
      return checkRef(schema, type.ref, value, where, problems);
    case 'union': {
      // Valid when any alternative accepts it; report the first alternative's complaints.
      const attempts = type.types.map((alternative) => {
        const found: string[] = [];
        checkValue(schema, alternative, value, where, found);
        return found;
      });
      if (attempts.some((found) => found.length === 0)) return;
      problems.push(...(attempts[0] ?? []));
    }
  }
}

function checkRef(schema: TypeSchema, ref: string, value: unknown, where: string, problems: string[]): void {
  if (!isObject(value)) {
    problems.push(`${where}: expected type: JSONObject, found: ${jsonTypeName(value)}`);
    return;
  }
  const definition = schema.definitions[ref];
  // A definition without properties is an open object in the source schema.
  if (!definition || Object.keys(definition.properties).length === 0) return;
  for (const key of Object.keys(value)) {
    if (!(key in definition.properties)) problems.push(`${where}: extraneous key [${key}] is not permitted`);
  }
  checkObject(schema, definition.properties, value, where, problems);
}
