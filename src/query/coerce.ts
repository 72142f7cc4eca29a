/**
 * SQL values are text; Cloud Control wants typed JSON. Each INSERT value is converted by its
 * property's schema type, so `'30000'` becomes 30000 for an integer and a JSON string becomes
 * the object it spells. Values holding an unknown token stay as written: the planner treats
 * the whole value as "known after apply".
 */
import { isObject } from '../common/index.js';
import { DeployError } from '../errors/index.js';
import type { ValueType } from '../schema/index.js';
import { containsUnknown } from '../template/unknown.js';
import type { Cursor } from './cursor.js';
import { parseJsonAt } from './json.js';
import { literalText, type Literal } from './literal.js';

export type ValueLiteral = Exclude<Literal, { kind: 'null' }>;

/** `type` undefined: a property the schema does not know; its value is kept as written. */
export function coerce(cursor: Cursor, literal: ValueLiteral, type: ValueType | undefined, property: string): unknown {
  if (literal.kind === 'string' && containsUnknown(literal.value)) return literal.value;
  if (type === undefined) return literal.value;
  const mismatch = (expected: string, hint: string): never => {
    const got = literal.kind === 'string' ? `'${literal.value}'` : literalText(literal);
    throw cursor.error('InvalidValue', `${property} expects ${expected} but got ${got}`, literal.line, hint);
  };
  switch (type.kind) {
    case 'string':
    case 'date-time':
      return literalText(literal);
    case 'integer': {
      const n = asNumber(literal);
      return n !== undefined && Number.isInteger(n) ? n : mismatch('an integer', "write a whole number, e.g. '30000'");
    }
    case 'number': {
      const n = asNumber(literal);
      return n ?? mismatch('a number', "write a number, e.g. '1.5'");
    }
    case 'boolean': {
      if (literal.kind === 'boolean') return literal.value;
      const text = literal.kind === 'string' ? literal.value.trim().toLowerCase() : '';
      return text === 'true' ? true : text === 'false' ? false : mismatch('true or false', "write 'true' or 'false'");
    }
    case 'null':
      return literal.value;
    case 'json':
      return literal.kind === 'string' ? parseJsonAt(cursor, literal.value, property, literal.line) : literal.value;
    case 'array':
      return shaped(cursor, literal, property, Array.isArray, 'a JSON array', mismatch);
    case 'map':
    case 'ref':
    case 'tag':
      return shaped(cursor, literal, property, isObject, 'a JSON object', mismatch);
    case 'union':
      return coerceUnion(cursor, literal, type.types, property);
  }
}

function shaped(
  cursor: Cursor,
  literal: ValueLiteral,
  property: string,
  fits: (value: unknown) => boolean,
  expected: string,
  mismatch: (expected: string, hint: string) => never,
): unknown {
  const hint = `render it as JSON text, e.g. '{{ ${property.toLowerCase()} | tojson }}'`;
  if (literal.kind !== 'string') return mismatch(expected, hint);
  const value = parseJsonAt(cursor, literal.value, property, literal.line);
  return fits(value) ? value : mismatch(expected, hint);
}

/**
 * Plain text prefers a string member (so `'123'` for string|integer stays text); JSON-looking
 * text prefers a structured member (an IAM policy document given as text becomes an object).
 */
function coerceUnion(cursor: Cursor, literal: ValueLiteral, types: ValueType[], property: string): unknown {
  const looksJson = literal.kind === 'string' && /^\s*[[{]/.test(literal.value);
  const isText = (t: ValueType): boolean => t.kind === 'string' || t.kind === 'date-time';
  const ordered = looksJson
    ? [...types.filter((t) => !isText(t)), ...types.filter(isText)]
    : [...types.filter(isText), ...types.filter((t) => !isText(t))];
  let first: DeployError | undefined;
  for (const member of ordered) {
    try {
      return coerce(cursor, literal, member, property);
    } catch (error) {
      if (!DeployError.is(error)) throw error;
      first ??= error;
    }
  }
  throw first ?? cursor.error('InvalidValue', `${property} has no usable type`, literal.line);
}

function asNumber(literal: ValueLiteral): number | undefined {
  if (literal.kind === 'number') return literal.value;
  if (literal.kind !== 'string') return undefined;
  const text = literal.value.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
}
