/**
 * The Python methods Jinja templates call on dicts and strings (`tags.items()`, `name.upper()`),
 * which nunjucks only offers through its global, process-wide Jinja-compat patch. Resolved by
 * the strict member lookup, so nothing global is touched.
 */
import { isPlainObject } from '../common/index.js';

type Method = (...args: unknown[]) => unknown;

function dictMethod(target: Record<string, unknown>, name: string): Method | undefined {
  switch (name) {
    case 'items':
      return () => Object.entries(target);
    case 'keys':
      return () => Object.keys(target);
    case 'values':
      return () => Object.values(target);
    case 'get':
      return (key, fallback = null) => (Object.hasOwn(target, String(key)) ? target[String(key)] : fallback);
    default:
      return undefined;
  }
}

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[^A-Za-z0-9])([a-z])/g, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

function stringMethod(target: string, name: string): Method | undefined {
  switch (name) {
    case 'upper':
      return () => target.toUpperCase();
    case 'lower':
      return () => target.toLowerCase();
    case 'strip':
      return () => target.trim();
    case 'lstrip':
      return () => target.trimStart();
    case 'rstrip':
      return () => target.trimEnd();
    case 'startswith':
      return (prefix) => target.startsWith(String(prefix));
    case 'endswith':
      return (suffix) => target.endsWith(String(suffix));
    case 'split':
      return (separator) =>
        separator === undefined || separator === null
          ? target.trim().split(/\s+/).filter(Boolean)
          : target.split(String(separator));
    case 'replace':
      return (from, to) => target.split(String(from)).join(String(to));
    case 'title':
      return () => titleCase(target);
    case 'capitalize':
      return () => target.charAt(0).toUpperCase() + target.slice(1).toLowerCase();
    default:
      return undefined;
  }
}

/** The Jinja method `name` of `target`, when there is one. */
export function jinjaMethod(target: unknown, name: string): Method | undefined {
  if (isPlainObject(target)) return dictMethod(target, name);
  if (typeof target === 'string') return stringMethod(target, name);
  return undefined;
}

/** Dict methods that, on an unknown value, just hand the unknown value on. */
export const DICT_METHOD_NAMES: ReadonlySet<string> = new Set(['items', 'keys', 'values']);
