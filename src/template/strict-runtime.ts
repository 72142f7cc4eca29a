/**
 * The functions the rewritten templates call (see strict-transform.ts). Together they give
 * Jinja's StrictUndefined: a variable or attribute that does not exist is an error naming it
 * and its line, never an empty string, unless the template asked (`is defined`, `| default`).
 */
import { DICT_METHOD_NAMES, jinjaMethod } from './jinja-methods.js';
import { RenderFailure } from './render-failure.js';
import { didYouMean } from '../common/index.js';
import { unknownToken } from './unknown.js';
import { partialPath, wholeTokenPath } from './unknown-values.js';
import { FilterFailure, toText } from './values.js';
import { isPlainObject } from '../common/index.js';

/** nunjucks calls helpers with its render Context as `this`; `ctx` holds the variables. */
interface RenderContext {
  ctx?: Record<string, unknown>;
}

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * A context entry (a function returning names) that widens "did you mean" hints beyond the
 * names the context holds: a caller that fills in only the names a template reads still gets
 * hints from every name it could have read.
 */
export const MORE_NAMES = '__deploy_names';

/** The names a context offers, for hints. */
function offered(ctx: Record<string, unknown>): string[] {
  const more = ctx[MORE_NAMES];
  const names = Object.keys(ctx).filter((n) => n !== MORE_NAMES);
  return typeof more === 'function' ? [...names, ...(more as () => string[])()] : names;
}

export const HELPERS = {
  ref: '__deploy_ref',
  member: '__deploy_member',
  out: '__deploy_out',
  filter: '__deploy_filter',
  iter: '__deploy_iter',
} as const;

function isIndex(key: unknown): boolean {
  return typeof key === 'number' || (typeof key === 'string' && /^-?\d+$/.test(key));
}

function joinPath(base: string, key: unknown): string {
  return isIndex(key) ? `${base}[${String(key)}]` : `${base}.${String(key)}`;
}

function memberOf(target: unknown, key: unknown): unknown {
  if ((Array.isArray(target) || typeof target === 'string') && isIndex(key)) {
    // Python-style negative indexes count from the end.
    const index = Number(key);
    return target[index < 0 ? index + target.length : index];
  }
  const name = String(key);
  if (typeof target === 'object' && target !== null && Object.hasOwn(target, name)) {
    return (target as Record<string, unknown>)[name];
  }
  const method = jinjaMethod(target, name);
  if (method !== undefined) return method;
  if ((typeof target === 'string' || Array.isArray(target)) && name in Object(target)) {
    const found = (Object(target) as Record<string, unknown>)[name];
    return typeof found === 'function' ? (found as AnyFunction).bind(target) : found;
  }
  return undefined;
}

function undefinedHint(name: string, known: Iterable<string>): string {
  return (
    `${didYouMean(name, known).trim()} Define '${name}' (a global, a prop of this resource, an -e/--env-file variable, ` +
    `or an export of an earlier resource), or guard it with {% if ${name} is defined %} or {{ ${name} | default('...') }}.`
  ).trim();
}

function memberHint(base: string, target: unknown, key: unknown): string {
  if (Array.isArray(target))
    return `'${base}' has ${target.length} item(s); indexes run from 0 to ${target.length - 1}.`;
  const keys = isPlainObject(target) ? Object.keys(target) : [];
  const has = keys.length > 0 ? ` '${base}' has: ${keys.slice(0, 20).join(', ')}.` : '';
  return `${didYouMean(String(key), keys).trim()}${has} Guard optional attributes with {% if ${joinPath(base, key)} is defined %}.`.trim();
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : typeof value;
}

function whyMissing(base: string, target: unknown, key: unknown): string {
  if (target === undefined || target === null) return `'${base}' is ${typeName(target)}`;
  const what = isPlainObject(target) ? `'${base}'` : `'${base}' (${typeName(target)})`;
  return `${what} has no ${Array.isArray(target) ? 'item' : 'attribute'} '${String(key)}'`;
}

/** The failure of reading `name`, which `ctx` does not define. */
export function undefinedVariable(name: string, line: number, ctx: Record<string, unknown>): RenderFailure {
  return new RenderFailure(
    'UndefinedVariable',
    `undefined variable '${name}'`,
    line,
    undefinedHint(name, offered(ctx)),
  );
}

/** A value printed by `{{ … }}`: its text (toText), or why it cannot be printed. */
export function printed(line: unknown, value: unknown): string {
  try {
    return toText(value);
  } catch (error) {
    const failure = error as FilterFailure;
    throw new RenderFailure(
      'TemplateError',
      `cannot print this expression: ${failure.message}`,
      Number(line),
      failure.hint,
    );
  }
}

export function strictHelpers(getFilter: (name: string) => AnyFunction): Record<string, AnyFunction> {
  function ref(this: RenderContext, name: unknown, line: unknown, tolerant: unknown, value: unknown): unknown {
    if (value !== undefined || tolerant === true) return value;
    throw undefinedVariable(String(name), Number(line), this.ctx ?? {});
  }

  function member(base: unknown, line: unknown, tolerant: unknown, target: unknown, key: unknown): unknown {
    const where = String(base);
    const path = joinPath(where, key);
    const tokenPath = wholeTokenPath(target);
    if (tokenPath !== undefined) {
      // Plan time: an attribute of an unknown value is itself unknown, with a longer path.
      return DICT_METHOD_NAMES.has(String(key)) ? () => target : unknownToken(joinPath(tokenPath, key));
    }
    const found = target === undefined || target === null ? undefined : memberOf(target, key);
    if (found !== undefined || tolerant === true) return found;
    const partial = partialPath(target);
    if (partial !== undefined) return unknownToken(joinPath(partial, key));
    throw new RenderFailure(
      'UndefinedVariable',
      `undefined variable '${path}': ${whyMissing(where, target, key)}`,
      Number(line),
      memberHint(where, target, key),
    );
  }

  function filter(this: RenderContext, name: unknown, line: unknown, ...args: unknown[]): unknown {
    try {
      return getFilter(String(name)).apply(this, args);
    } catch (error) {
      if (error instanceof RenderFailure) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const hint = error instanceof FilterFailure ? error.hint : undefined;
      throw new RenderFailure(
        'TemplateError',
        `filter '${String(name)}' failed: ${message}`,
        Number(line),
        hint ?? `check the value passed to | ${String(name)}`,
      );
    }
  }

  function iter(line: unknown, arity: unknown, value: unknown): unknown {
    const tokenPath = wholeTokenPath(value);
    if (tokenPath !== undefined) {
      // Looping over an unknown list: one unknown element, so the body still shows the tokens.
      const element = `${tokenPath}[*]`;
      if (arity === 1) return [unknownToken(element)];
      return [Array.from({ length: Number(arity) }, (_, i) => unknownToken(`${element}[${i}]`))];
    }
    if (typeof value === 'string') return Array.from(value);
    // nunjucks runs a one-name loop over a mapping zero times; Jinja loops over its keys.
    if (isPlainObject(value) && arity === 1) return Object.keys(value);
    if (Array.isArray(value) || isPlainObject(value)) return value;
    if (value !== null && typeof value === 'object' && Symbol.iterator in value) return value;
    throw new RenderFailure(
      'TemplateError',
      `cannot loop over ${typeName(value)}`,
      Number(line),
      'loop over a list or a mapping',
    );
  }

  return {
    [HELPERS.ref]: ref,
    [HELPERS.member]: member,
    [HELPERS.out]: printed,
    [HELPERS.filter]: filter,
    [HELPERS.iter]: iter,
  };
}
