/**
 * Problems inside a structured property value (a JSON object or array given as text), checked
 * against the type's definitions. Cloud Control validates the whole model strictly, so a typo
 * in a nested key or a string where an integer belongs fails there anyway; here it fails
 * before anything is sent, with the file line.
 */
import { isObject } from '../common/index.js';
import { type TypeSchema, type ValueType } from '../schema/index.js';
import { closest } from '../common/index.js';
import { containsUnknown } from '../template/unknown.js';
import { own } from './own.js';

export interface ValueProblem {
  code: 'UnknownProperty' | 'MissingRequiredProperty' | 'InvalidValue';
  message: string;
  hint?: string;
}

const SCALARS: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
};

/** `path`: where the value sits, e.g. `TlsConfig` or `Policies[0]`. */
export function checkValue(value: unknown, type: ValueType, path: string, schema: TypeSchema): ValueProblem[] {
  // An unknown value is checked when it is known, at apply time.
  if (typeof value === 'string' && containsUnknown(value)) return [];
  switch (type.kind) {
    case 'ref':
      return checkObject(value, type.ref, path, schema);
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => checkValue(v, type.element, `${path}[${i}]`, schema)) : [];
    case 'map':
      return isObject(value)
        ? Object.entries(value).flatMap(([k, v]) => checkValue(v, type.element, `${path}.${k}`, schema))
        : [];
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean': {
      const fits = SCALARS[type.kind] as (value: unknown) => boolean;
      if (fits(value) || value === null) return [];
      const an = type.kind === 'integer' ? 'an integer' : `a ${type.kind}`;
      return [{ code: 'InvalidValue', message: `${path} must be ${an} but is ${JSON.stringify(value)}` }];
    }
    default:
      // json, tag, union, date-time: free-form or ambiguous; nothing reliable to check.
      return [];
  }
}

function checkObject(value: unknown, ref: string, path: string, schema: TypeSchema): ValueProblem[] {
  const definition = own(schema.definitions, ref);
  if (definition === undefined || !isObject(value)) return [];
  const names = Object.keys(definition.properties);
  // A definition without properties is an open object: any key goes.
  if (names.length === 0) return [];
  const problems: ValueProblem[] = [];
  for (const [key, nested] of Object.entries(value)) {
    const property = own(definition.properties, key);
    if (property !== undefined) {
      problems.push(...checkValue(nested, property.type, `${path}.${key}`, schema));
      continue;
    }
    const suggestions = closest(key, names);
    problems.push({
      code: 'UnknownProperty',
      message: `${path} (${definition.name}) has no property '${key}'`,
      hint: suggestions.length
        ? `did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?`
        : `${definition.name} properties: ${names.join(', ')}`,
    });
  }
  for (const [name, property] of Object.entries(definition.properties)) {
    if (property.required && !Object.hasOwn(value, name)) {
      problems.push({ code: 'MissingRequiredProperty', message: `${path}.${name} is required` });
    }
  }
  return problems;
}
