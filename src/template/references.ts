/**
 * Static analysis of a template: which variables it reads from the context. The engine uses it
 * to find what a statement depends on (an export of another resource) before rendering it.
 */
import { DeployError } from '../errors/index.js';
import { parseOnly } from './environment.js';
import { isNode, nodeArray, type NjNode } from './nunjucks-internals.js';
import { perText } from './per-text.js';
import { RenderFailure } from './render-failure.js';
import { staticPath } from './strict-transform.js';

/** What a template reads. Shared by every caller asking about the same text: read-only. */
export interface References {
  /** Top-level names: `api_id`, `globals`. */
  readonly names: ReadonlySet<string>;
  /** Static dotted paths: `api.api_id`, `globals.region`, `subnets[0]`. */
  readonly paths: ReadonlySet<string>;
  /**
   * Names the template binds itself (set, for, macro). Where the binding does not run
   * (`{% if c %}{% set x = 1 %}{% endif %}{{ x }}`) the name is read from the context.
   */
  readonly bound: ReadonlySet<string>;
}

type Collected = { [K in keyof References]: Set<string> };

const PYTHON_LITERALS = new Set(['True', 'False', 'None']);
/** Global functions: calling them reads no variable. */
const GLOBAL_FUNCTIONS = new Set(['uuid', 'range', 'cycler', 'joiner']);

class Scope {
  private readonly names = new Set<string>();
  constructor(
    private readonly all: Set<string>,
    private readonly parent?: Scope,
  ) {}
  bind(name: string): void {
    this.names.add(name);
    this.all.add(name);
  }
  has(name: string): boolean {
    return this.names.has(name) || (this.parent?.has(name) ?? false);
  }
  child(): Scope {
    return new Scope(this.all, this);
  }
}

function symbolNames(node: unknown): string[] {
  if (!isNode(node)) return [];
  if (node.typename === 'Symbol') return [String(node.value)];
  return nodeArray(node.children).flatMap(symbolNames);
}

/** The innermost target of a member chain: `a` in `a.b[0].c`. */
function rootOf(node: NjNode): NjNode {
  return node.typename === 'LookupVal' ? rootOf(node.target as NjNode) : node;
}

class Collector {
  readonly result: Collected = { names: new Set(), paths: new Set(), bound: new Set() };

  visit(node: unknown, scope: Scope): void {
    if (!isNode(node)) {
      if (Array.isArray(node)) for (const item of node) this.visit(item, scope);
      return;
    }
    switch (node.typename) {
      case 'Symbol':
        return this.name(String(node.value), scope);
      case 'LookupVal':
        return this.member(node, scope);
      case 'FunCall': {
        const callee = node.name as NjNode;
        if (!(callee.typename === 'Symbol' && GLOBAL_FUNCTIONS.has(String(callee.value)))) this.visit(callee, scope);
        return this.visit(node.args, scope);
      }
      case 'Filter':
        return this.visit(node.args, scope);
      case 'Is': {
        this.visit(node.left, scope);
        const test = node.right as NjNode;
        return test.typename === 'FunCall' ? this.visit(test.args, scope) : undefined;
      }
      case 'For': {
        this.visit(node.arr, scope);
        const inner = scope.child();
        for (const name of [...symbolNames(node.name), 'loop']) inner.bind(name);
        this.visit(node.body, inner);
        return this.visit(node.else_, scope);
      }
      case 'Set':
        // The value is read before the names are bound: `{% set x = x | default(1) %}` reads x.
        this.visit(node.value, scope);
        this.visit(node.body, scope);
        for (const target of nodeArray(node.targets)) scope.bind(String(target.value));
        return;
      case 'Macro':
      case 'Caller':
        return this.macro(node, scope);
      case 'Pair':
        return this.visit(node.value, scope);
      case 'Block':
        return this.visit(node.body, scope);
      case 'Super':
        return;
      default:
        for (const field of node.fields) this.visit(node[field], scope);
    }
  }

  private name(name: string, scope: Scope): void {
    if (!PYTHON_LITERALS.has(name) && !scope.has(name)) this.result.names.add(name);
  }

  private member(node: NjNode, scope: Scope): void {
    const root = rootOf(node);
    if (root.typename === 'Symbol' && scope.has(String(root.value))) {
      // A loop variable's attributes are not context reads, but a dynamic key may be.
      return this.keys(node, scope);
    }
    const path = staticPath(node);
    if (path !== undefined) {
      this.result.paths.add(path);
      return this.visit(root, scope);
    }
    this.visit(node.target, scope);
    this.visit(node.val, scope);
  }

  private keys(node: NjNode, scope: Scope): void {
    if (node.typename !== 'LookupVal') return;
    this.keys(node.target as NjNode, scope);
    this.visit(node.val, scope);
  }

  private macro(node: NjNode, scope: Scope): void {
    if (node.typename === 'Macro') scope.bind(String((node.name as NjNode).value));
    const inner = scope.child();
    for (const name of ['caller', 'varargs', 'kwargs']) inner.bind(name);
    for (const arg of nodeArray((node.args as NjNode).children)) {
      if (arg.typename === 'Symbol') inner.bind(String(arg.value));
      else {
        // Keyword parameters: defaults are read in the outer scope, names bound inside.
        for (const pair of nodeArray(arg.children)) {
          this.visit(pair.value, scope);
          inner.bind(String((pair.key as NjNode).value));
        }
      }
    }
    this.visit(node.body, inner);
  }
}

/**
 * The variables a template reads: top-level names and static dotted paths, excluding names the
 * template binds itself (for, set, macro). Bad syntax is a DeployError 'TemplateSyntax' whose
 * line is 1-based within the text (the caller knows the file). The same object for the same text
 * (a stack's resources mostly share their files' texts): read-only, so no caller can change what
 * the next one is told.
 */
export const referencedVariables: (text: string) => References = perText((text) => {
  const collector = new Collector();
  if (text.includes('{')) {
    try {
      collector.visit(parseOnly(text), new Scope(collector.result.bound));
    } catch (error) {
      if (!(error instanceof RenderFailure)) throw error;
      throw new DeployError(error.code, error.message, {
        line: error.textLine + 1,
        ...(error.hint ? { hint: error.hint } : {}),
      });
    }
  }
  return collector.result;
});
