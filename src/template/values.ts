/**
 * How template values become text and how filters read JSON-ish input. stackql-deploy stores
 * structured props as JSON strings, so filters accept either the structure or its JSON text.
 */
import { isPlainObject } from '../common/index.js';
import nunjucks from 'nunjucks';

export class FilterFailure extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Anything nunjucks marked safe (`| safe`, macro output) prints as its string. */
const SafeString = (nunjucks as unknown as { runtime: { SafeString: new (s: string) => object } }).runtime.SafeString;

/**
 * The text of a value in a rendered statement: strings as they are; dicts and lists as compact
 * JSON (what stackql-deploy users expect from `{{ props }}`); booleans and null in their JSON
 * spelling, which is what SQL and JSON bodies need (Jinja would print True / None).
 */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof SafeString) return String(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  if (value === undefined) throw new FilterFailure('the value is undefined');
  if (typeof value === 'function') {
    throw new FilterFailure('the value is a function', 'call it with parentheses, e.g. uuid()');
  }
  return JSON.stringify(value);
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The structure itself, or the parse of its JSON text. */
export function readJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new FilterFailure(
      `the input is not valid JSON (${(error as Error).message}): ${preview(value)}`,
      'pass a list or mapping, or a string holding JSON',
    );
  }
}

export function readList(value: unknown): unknown[] {
  const parsed = readJson(value);
  if (!Array.isArray(parsed)) {
    throw new FilterFailure(`expected a list, got ${describe(parsed)}`, 'pass a list or a JSON list string');
  }
  return parsed;
}

export function readObject(value: unknown): Record<string, unknown> {
  const parsed = readJson(value);
  if (!isPlainObject(parsed)) {
    throw new FilterFailure(`expected a mapping, got ${describe(parsed)}`, 'pass a mapping or a JSON object string');
  }
  return parsed;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${preview(JSON.stringify(value) ?? String(value))}`;
}
