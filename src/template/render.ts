/**
 * Rendering a template text that came from a file (a .iql block, a manifest value), with every
 * failure reported as a DeployError at the line of the file where it happened.
 */
import { DeployError } from '../errors/index.js';
import { compile, isGlobal } from './environment.js';
import { bounded } from './limits.js';
import { perText } from './per-text.js';
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

/** Names a plain `{{ name }}` cannot take the short way: literals, and the environment's globals. */
const LITERALS = new Set(['true', 'false', 'none', 'null', 'True', 'False', 'None']);
const PLAIN_TAG = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/y;

/** A piece of a plain template: text as it is, or a name to print (its 0-based line, as nunjucks counts). */
type Piece = string | { name: string; line: number };

/**
 * The pieces of a text whose only tags are `{{ name }}` (most .iql blocks and manifest values),
 * or null for any other: a `{%` or `{#` tag, an expression, a filter, an attribute, whitespace
 * control, a literal or a global. Such a text renders as the compiled template would (each
 * `{{` starts a tag for nunjucks' lexer too, and nothing else in the text is special to it),
 * without parsing, compiling and running a template, for a text often unique to one resource
 * (a prop naming an export).
 */
const plainForm = perText((text: string): readonly Piece[] | null => {
  if (/\{[%#]/.test(text)) return null;
  const pieces: Piece[] = [];
  let at = 0;
  let line = 0;
  let counted = 0; // newlines before here are in `line`
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', at)) {
    PLAIN_TAG.lastIndex = open;
    const name = PLAIN_TAG.exec(text)?.[1];
    if (name === undefined || LITERALS.has(name) || isGlobal(name)) return null;
    const nameAt = text.indexOf(name, open);
    for (let i = text.indexOf('\n', counted); i !== -1 && i < nameAt; i = text.indexOf('\n', i + 1)) line++;
    counted = nameAt;
    if (open > at) pieces.push(text.slice(at, open));
    pieces.push({ name, line });
    at = PLAIN_TAG.lastIndex;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return pieces;
});

/** What the compiled template would print for the pieces (the same failures too). */
function renderPlain(pieces: readonly Piece[], context: Record<string, unknown>): string {
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    const value = Object.hasOwn(context, piece.name) ? context[piece.name] : undefined;
    if (value === undefined) throw undefinedVariable(piece.name, piece.line, context);
    out += printed(piece.line, value);
  }
  return out;
}

/**
 * Renders the text with the context. An undefined variable or attribute is a DeployError
 * 'UndefinedVariable' naming it; bad syntax is 'TemplateSyntax'; a failing filter or other
 * run-time problem is 'TemplateError'. Never prints '' for an undefined value.
 */
export function renderTemplate(source: TemplateSource, context: Record<string, unknown>): string {
  // Every tag starts with '{': without one there is nothing to render (most manifest values).
  if (!source.text.includes('{')) return source.text;
  const plain = plainForm(source.text);
  if (plain !== null) {
    try {
      return bounded(() => renderPlain(plain, context)); // the same bound on its size
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
