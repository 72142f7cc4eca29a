/**
 * The one nunjucks environment (autoescape off, like stackql-deploy's Jinja setup) with the
 * stackql filters, uuid() and the strict helpers, and the cache of compiled templates: a stack
 * renders the same texts for every resource and every environment, so each text is parsed and
 * compiled once per process.
 */
import nunjucks from 'nunjucks';
import { stackqlFilters, stackqlGlobals } from './filters.js';
import { compileAst, filterNames, parse } from './nunjucks-internals.js';
import { boundedRange, checkSize, countLoopSteps } from './limits.js';
import { perText } from './per-text.js';
import { RenderFailure } from './render-failure.js';
import { strictHelpers } from './strict-runtime.js';
import { StrictRewriter } from './strict-transform.js';

type AnyFunction = (...args: unknown[]) => unknown;

/** A compiled template, or why the text cannot be one (line 0-based within the text). */
export type Compiled = { template: nunjucks.Template } | { failure: RenderFailure };

let environment: nunjucks.Environment | undefined;
let rewriter: StrictRewriter | undefined;

function setup(): { env: nunjucks.Environment; rewriter: StrictRewriter } {
  if (environment !== undefined && rewriter !== undefined) return { env: environment, rewriter };
  // `dev` makes nunjucks rethrow our own errors as they are instead of re-wrapping them.
  const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false, dev: true });
  const getFilter = (name: string): AnyFunction => env.getFilter(name) as AnyFunction;
  for (const [name, filter] of Object.entries(stackqlFilters(getFilter))) env.addFilter(name, filter as AnyFunction);
  for (const [name, fn] of Object.entries(stackqlGlobals)) env.addGlobal(name, fn);
  for (const [name, fn] of Object.entries(strictHelpers(getFilter))) env.addGlobal(name, fn);
  // Bounds (limits.ts): no filter result and no range beyond what a statement needs.
  for (const name of filterNames(env)) {
    const filter = getFilter(name);
    env.addFilter(name, function (this: unknown, ...args: unknown[]) {
      return checkSize(filter.apply(this, args));
    });
  }
  env.addGlobal('range', boundedRange(env.getGlobal('range') as (...args: number[]) => number[]));
  countLoopSteps();
  environment = env;
  rewriter = new StrictRewriter(new Set(filterNames(env)));
  return { env, rewriter };
}

/** Whether `name` is a global of the environment (uuid, range, the strict helpers, …). */
export function isGlobal(name: string): boolean {
  const { env } = setup();
  // `in`, as nunjucks looks globals up: Object.prototype's names count too.
  return name in (env as unknown as { globals: Record<string, unknown> }).globals;
}

/** The last line (0-based) of the text: where "unexpected end of template" errors belong. */
function lastLine(text: string): number {
  return text.split('\n').length - 1;
}

function syntaxFailure(error: unknown, text: string): RenderFailure {
  if (error instanceof RenderFailure) return error;
  const raw = error as { message?: string; lineno?: number };
  // Parser errors carry 1-based lines; errors at the end of the text carry none.
  const line = typeof raw.lineno === 'number' && raw.lineno > 0 ? raw.lineno - 1 : lastLine(text);
  return new RenderFailure(
    'TemplateSyntax',
    `template syntax error: ${raw.message ?? String(error)}`,
    line,
    'check the {{ }}, {% %} and {# #} tags near this line: each must be closed, and block tags (if, for, macro) need their end tag',
  );
}

export const compile = perText((text: string): Compiled => {
  const { env, rewriter: strict } = setup();
  try {
    const ast = strict.visit(parse(text, env));
    return { template: compileAst(ast, env, 'template') };
  } catch (error) {
    return { failure: syntaxFailure(error, text) };
  }
});

/** The parsed (not rewritten) AST, for static analysis. Throws a RenderFailure on bad syntax. */
export function parseOnly(text: string): ReturnType<typeof parse> {
  const { env } = setup();
  try {
    return parse(text, env);
  } catch (error) {
    throw syntaxFailure(error, text);
  }
}
