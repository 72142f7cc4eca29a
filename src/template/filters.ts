/**
 * The filters stackql-deploy templates use (py lib/filters.py, rs template engine), written to
 * accept both structures and their JSON text, to keep order where py used sets, and to let
 * unknown (plan-time) values through as unknown rather than failing or inventing a result.
 */
import { randomUUID } from 'node:crypto';
import { tokensIn, unknownAmong, wholeTokenPath } from './unknown-values.js';
import { FilterFailure, readJson, readList, readObject, toText } from './values.js';
import { canonicalJson } from '../common/index.js';

function fromJson(value: unknown): unknown {
  // Structured props are kept as structures here, so from_json on them is a no-op; on an
  // unknown token it stays the token (member access on it then yields deeper tokens).
  if (typeof value !== 'string' || wholeTokenPath(value) !== undefined) return value;
  return readJson(value);
}

function toJson(value: unknown, indent?: unknown): string {
  if (value === undefined) throw new FilterFailure('the value is undefined');
  // `tojson(2)` or, Jinja style, `tojson(indent=2)` (nunjucks passes keyword arguments as an object).
  const spaces = typeof indent === 'object' && indent !== null ? (indent as { indent?: unknown }).indent : indent;
  return JSON.stringify(value, null, typeof spaces === 'number' ? spaces : undefined);
}

function base64Encode(value: unknown): string {
  const text = toText(value);
  // The encoding of an unknown is unknown: keep its tokens so the planner still sees them.
  const tokens = tokensIn(text);
  if (tokens !== '') return tokens;
  return Buffer.from(text, 'utf8').toString('base64');
}

function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function generatePatchDocument(value: unknown): string {
  const unknown = unknownAmong([value]);
  if (unknown !== undefined) return unknown;
  const properties = readObject(value);
  const patch = Object.entries(properties).map(([key, raw]) => {
    let inlined = raw;
    if (typeof raw === 'string' && /^\s*[[{]/.test(raw)) {
      try {
        inlined = JSON.parse(raw) as unknown;
      } catch {
        // Not JSON after all: send it as the string it is.
      }
    }
    return { op: 'add', path: `/${pointerSegment(key)}`, value: inlined };
  });
  return JSON.stringify(patch);
}

function mergeLists(first: unknown, second: unknown): unknown {
  const unknown = unknownAmong([first, second]);
  if (unknown !== undefined) return unknown;
  const seen = new Set<string>();
  const merged: unknown[] = [];
  for (const item of [...readList(first), ...readList(second)]) {
    const key = canonicalJson(item);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(item);
  }
  return merged;
}

function mergeObjects(first: unknown, second: unknown): unknown {
  const unknown = unknownAmong([first, second]);
  if (unknown !== undefined) return unknown;
  return { ...readObject(first), ...readObject(second) };
}

/** `[{Key, Value}]` → `[{Key, Values: [Value]}]`: the Resource Groups Tagging API's TagFilters. */
function toAwsTagFilters(value: unknown): unknown {
  const unknown = unknownAmong([value]);
  if (unknown !== undefined) return unknown;
  return readList(value).map((tag, index) => {
    const { Key, Value } = (tag ?? {}) as Record<string, unknown>;
    if (Key === undefined) throw new FilterFailure(`item ${index} has no Key`, 'pass a list of {Key, Value} tags');
    return { Key, Values: Value === undefined ? [] : [Value] };
  });
}

function sqlEscape(value: unknown): string {
  return toText(value).replace(/'/g, "''");
}

function sqlList(value: unknown): string {
  const unknown = unknownAmong([value]);
  if (unknown !== undefined) return `(${unknown})`;
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string') {
    // As in py: a JSON list string is a list, any other string is one item.
    let parsed: unknown;
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      parsed = undefined;
    }
    items = Array.isArray(parsed) ? parsed : [value];
  } else {
    throw new FilterFailure(`expected a list, got ${typeof value}`, 'pass a list or a JSON list string');
  }
  if (items.length === 0) return '(NULL)';
  return `(${items.map((item) => `'${sqlEscape(item)}'`).join(',')})`;
}

/** Jinja's `map`: `| map(attribute='Key')` or `| map('upper')`. */
function makeMap(getFilter: (name: string) => (...args: unknown[]) => unknown) {
  return function map(this: unknown, value: unknown, ...args: unknown[]): unknown[] {
    const list = readList(value);
    const last = args[args.length - 1];
    if (last !== null && typeof last === 'object' && 'attribute' in last) {
      const attribute = String(last.attribute);
      return list.map((item, index) => {
        const picked = (item as Record<string, unknown> | null)?.[attribute];
        if (picked === undefined) throw new FilterFailure(`item ${index} has no attribute '${attribute}'`);
        return picked;
      });
    }
    const [name, ...rest] = args;
    if (typeof name !== 'string') throw new FilterFailure("expected a filter name or attribute='...'");
    const filter = getFilter(name);
    return list.map((item) => filter.call(this, item, ...rest));
  };
}

function unique(value: unknown): unknown[] {
  return mergeLists(readList(value), []) as unknown[];
}

function items(value: unknown): [string, unknown][] {
  return Object.entries(readObject(value));
}

export type FilterFunction = (this: unknown, ...args: never[]) => unknown;

/** Filters added on top of nunjucks' built-ins (which already cover Jinja's common ones). */
export function stackqlFilters(
  getFilter: (name: string) => (...args: unknown[]) => unknown,
): Record<string, FilterFunction> {
  return {
    from_json: fromJson,
    tojson: toJson,
    base64_encode: base64Encode,
    generate_patch_document: generatePatchDocument,
    merge_lists: mergeLists,
    merge_objects: mergeObjects,
    sql_escape: sqlEscape,
    sql_list: sqlList,
    to_aws_tag_filters: toAwsTagFilters,
    map: makeMap(getFilter),
    unique,
    items,
  };
}

/** Global functions. uuid() is a fresh v4 on every call, as in stackql-deploy (py). */
export const stackqlGlobals = {
  uuid: (): string => randomUUID(),
};
