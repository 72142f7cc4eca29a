/**
 * Rendering a template text that came from a file (a .iql block, a manifest value), with every
 * failure reported as a DeployError at the line of the file where it happened.
 */
import { DeployError } from '../errors/index.js';
import { compile, isGlobal } from './environment.js';
import { bounded } from './limits.js';
import { RenderFailure } from './render-failure.js';
import { printed, undefinedVariable } from './strict-runtime.js';

export interface TemplateSource {
  text: string;
  file: string;
  /** 1-based line in `file` where `text` starts. */
  line: number;
  resource?: string;
}

/** Anything else nunjucks may throw at run time (its own TemplateError keeps the cause). */
function asFailure(error: unknown): RenderFailure {
  if (error instanceof RenderFailure) return error;
  const raw = error as { message?: string; lineno?: number; cause?: unknown };
  const cause = raw.cause instanceof Error ? raw.cause.message : undefined;
  return new RenderFailure(
    'TemplateError',
    `template error: ${cause ?? raw.message ?? String(error)}`,
    // nunjucks' run-time line counter is 0-based, like ours.
    typeof raw.lineno === 'number' ? raw.lineno : 0,
    'check the expression on this line',
  );
}

function toDeployError(failure: RenderFailure, source: TemplateSource): DeployError {
  const where = source.resource === undefined ? '' : ` in resource '${source.resource}'`;
  return new DeployError(failure.code, `${failure.message}${where}`, {
    file: source.file,
    line: source.line + failure.textLine,
    ...(source.resource === undefined ? {} : { resource: source.resource }),
    ...(failure.hint === undefined ? {} : { hint: failure.hint }),
    cause: failure,
  });
}

const LONE_VARIABLE = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;
/** Names a lone `{{ … }}` cannot take the short way: literals, and the environment's globals. */
const NOT_LONE = new Set(['true', 'false', 'none', 'null', 'True', 'False', 'None']);

/** The variable when the whole text is `{{ name }}`; undefined otherwise. */
function loneVariable(text: string): string | undefined {
  const name = LONE_VARIABLE.exec(text)?.[1];
  return name === undefined || NOT_LONE.has(name) || isGlobal(name) ? undefined : name;
}

/**
 * Renders the text with the context. An undefined variable or attribute is a DeployError
 * 'UndefinedVariable' naming it; bad syntax is 'TemplateSyntax'; a failing filter or other
 * run-time problem is 'TemplateError'. Never prints '' for an undefined value.
 */
export function renderTemplate(source: TemplateSource, context: Record<string, unknown>): string {
  // Every tag starts with '{': without one there is nothing to render (most manifest values).
  if (!source.text.includes('{')) return source.text;
  const lone = loneVariable(source.text);
  if (lone !== undefined) {
    // `{{ name }}` alone (a prop naming an export, most of all): what the compiled template would
    // do, without parsing and compiling a text that is often unique to one resource.
    try {
      const value = Object.hasOwn(context, lone) ? context[lone] : undefined;
      if (value === undefined) throw undefinedVariable(lone, 0, context);
      return printed(0, value);
    } catch (error) {
      throw toDeployError(asFailure(error), source);
    }
  }
  const compiled = compile(source.text);
  if ('failure' in compiled) throw toDeployError(compiled.failure, source);
  try {
    const { template } = compiled;
    return bounded(() => template.render(context));
  } catch (error) {
    throw toDeployError(asFailure(error), source);
  }
}
