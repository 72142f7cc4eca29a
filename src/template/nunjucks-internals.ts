/**
 * Typed access to the nunjucks internals this module builds on (3.2.x: parser, AST nodes,
 * compiler, Template from precompiled code). They are undocumented, so every use goes through
 * here: if an upgrade moves them, this file is the one to fix.
 */
import nunjucks from 'nunjucks';

/** An AST node; node-specific fields (`children`, `target`, `value`, …) are read by name. */
export interface NjNode {
  readonly typename: string;
  lineno: number;
  colno: number;
  readonly fields: readonly string[];
  [field: string]: unknown;
}

type NodeConstructor = new (lineno: number, colno: number, ...fields: unknown[]) => NjNode;

interface Internals {
  parser: { parse(src: string, extensions: unknown[], opts: object): NjNode };
  nodes: Record<string, NodeConstructor>;
  compiler: {
    Compiler: new (name: string, throwOnUndefined: boolean) => { compile(node: NjNode): void; getCode(): string };
  };
  Template: new (src: { type: 'code'; obj: unknown }, env: nunjucks.Environment, path: string) => nunjucks.Template;
}

const internals = nunjucks as unknown as Internals;

export function parse(text: string, env: nunjucks.Environment): NjNode {
  const { extensionsList, opts } = env as unknown as { extensionsList: unknown[]; opts: object };
  return internals.parser.parse(text, extensionsList, opts);
}

/** Compiles an (already rewritten) AST into a Template bound to `env`. */
export function compileAst(ast: NjNode, env: nunjucks.Environment, name: string): nunjucks.Template {
  const compiler = new internals.compiler.Compiler(name, false);
  compiler.compile(ast);
  // This is how nunjucks itself turns compiled code into a template (Template#_compile).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
  const props = new Function(compiler.getCode())() as unknown;
  return new internals.Template({ type: 'code', obj: props }, env, name);
}

export function isNode(value: unknown): value is NjNode {
  return value instanceof (internals.nodes.Node as NodeConstructor);
}

export function makeNode(type: string, like: { lineno: number; colno: number }, ...fields: unknown[]): NjNode {
  const constructor = internals.nodes[type];
  if (constructor === undefined) throw new Error(`nunjucks has no node type ${type}`);
  return new constructor(like.lineno, like.colno, ...fields);
}

/** The names of all filters registered on the environment (built-in and ours). */
export function filterNames(env: nunjucks.Environment): string[] {
  return Object.keys((env as unknown as { filters: Record<string, unknown> }).filters);
}

/** A child that is a list of nodes (NodeList children, Set targets, …) as an array. */
export function nodeArray(value: unknown): NjNode[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}
