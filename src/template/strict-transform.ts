/**
 * Rewrites a parsed template so every variable reference, attribute access, filter, printed
 * value and loop goes through the strict helpers (strict-runtime.ts), each call carrying the
 * line of the reference. nunjucks alone would print '' for anything undefined and track lines
 * only per function call; this gives exact lines and StrictUndefined semantics without patching
 * nunjucks globally. Names bound inside the template (set, for, macro) resolve as before: the
 * original lookup node stays in place, wrapped.
 */
import { isNode, makeNode, nodeArray, type NjNode } from './nunjucks-internals.js';
import { RenderFailure } from './render-failure.js';
import { HELPERS } from './strict-runtime.js';
import { didYouMean } from '../common/index.js';

/** Tests and filters that must see an undefined value instead of failing on it. */
const TOLERANT_TESTS = new Set(['defined', 'undefined']);
const TOLERANT_FILTERS = new Set(['default', 'd']);
/** Python spellings nunjucks does not know (it lexes true/false/none itself). */
const PYTHON_LITERALS = new Map<string, unknown>([
  ['True', true],
  ['False', false],
  ['None', null],
]);
const STACKQL_FILTERS = [
  'from_json',
  'tojson',
  'base64_encode',
  'generate_patch_document',
  'merge_lists',
  'merge_objects',
  'sql_escape',
  'sql_list',
];
/** Tags that load other templates: statements are rendered standalone, with no loader. */
const LOADING_TAGS = new Set(['Extends', 'Include', 'Import', 'FromImport']);

export function lineOf(node: NjNode): number {
  return typeof node.lineno === 'number' ? node.lineno : 0;
}

function literal(like: NjNode, value: unknown): NjNode {
  return makeNode('Literal', like, value);
}

function helperCall(helper: string, like: NjNode, args: NjNode[]): NjNode {
  return makeNode('FunCall', like, makeNode('Symbol', like, helper), makeNode('NodeList', like, args));
}

/** `api.api_id`, `subnets[0]`: the dotted path when every key is a literal, else undefined. */
export function staticPath(node: NjNode): string | undefined {
  if (node.typename === 'Symbol') return String(node.value);
  if (node.typename !== 'LookupVal') return undefined;
  const target = staticPath(node.target as NjNode);
  const key = node.val as NjNode;
  if (target === undefined || key.typename !== 'Literal') return undefined;
  return typeof key.value === 'number' ? `${target}[${key.value}]` : `${target}.${String(key.value)}`;
}

function filterName(node: NjNode): string {
  return String((node.name as NjNode).value);
}

/** `defined` in `x is defined`, `divisibleby` in `x is divisibleby(3)`; `none` lexes as a literal. */
function testName(node: NjNode): string {
  const test = node.right as NjNode;
  return String(test.typename === 'FunCall' ? (test.name as NjNode).value : test.value);
}

export class StrictRewriter {
  constructor(private readonly knownFilters: ReadonlySet<string>) {}

  /** Rewrites `node` (in place where possible) and returns what replaces it. */
  visit(node: NjNode, tolerant = false): NjNode {
    switch (node.typename) {
      case 'Symbol':
        return this.symbol(node, tolerant);
      case 'LookupVal':
        return this.member(node, tolerant);
      case 'Output':
        node.children = nodeArray(node.children).map((child) =>
          child.typename === 'TemplateData'
            ? child
            : helperCall(HELPERS.out, child, [literal(child, lineOf(child)), this.visit(child)]),
        );
        return node;
      case 'Filter':
        return this.filter(node);
      case 'Is':
        return this.test(node);
      case 'For':
        return this.loop(node);
      case 'Set':
        if (isNode(node.value)) node.value = this.visit(node.value);
        if (isNode(node.body)) node.body = this.visit(node.body);
        return node;
      case 'Macro':
      case 'Caller':
        // Parameter names are bindings; only default values are expressions.
        for (const arg of nodeArray((node.args as NjNode).children)) if (arg.typename !== 'Symbol') this.visit(arg);
        node.body = this.visit(node.body as NjNode);
        return node;
      case 'Pair':
        // nunjucks reads `{Key: 1}` as the string 'Key' (Jinja would look Key up): keys stay.
        node.value = this.visit(node.value as NjNode);
        return node;
      case 'Block':
        node.body = this.visit(node.body as NjNode);
        return node;
      case 'Super':
        return node;
      default:
        if (LOADING_TAGS.has(node.typename)) {
          throw new RenderFailure(
            'TemplateSyntax',
            `{% ${node.typename.toLowerCase()} %} is not supported`,
            lineOf(node),
            'query templates are rendered on their own; inline the shared text or define a macro in the same file',
          );
        }
        return this.visitFields(node);
    }
  }

  private visitFields(node: NjNode): NjNode {
    for (const field of node.fields) {
      const value = node[field];
      if (isNode(value)) node[field] = this.visit(value);
      else if (Array.isArray(value))
        node[field] = value.map((item: unknown) => (isNode(item) ? this.visit(item) : item));
    }
    return node;
  }

  private symbol(node: NjNode, tolerant: boolean): NjNode {
    const name = String(node.value);
    if (PYTHON_LITERALS.has(name)) return literal(node, PYTHON_LITERALS.get(name));
    return helperCall(HELPERS.ref, node, [
      literal(node, name),
      literal(node, lineOf(node)),
      literal(node, tolerant),
      node,
    ]);
  }

  private member(node: NjNode, tolerant: boolean): NjNode {
    const target = node.target as NjNode;
    const base = staticPath(target) ?? '(expression)';
    return helperCall(HELPERS.member, node, [
      literal(node, base),
      literal(node, lineOf(node)),
      literal(node, tolerant),
      this.visit(target, tolerant),
      this.visit(node.val as NjNode),
    ]);
  }

  private filter(node: NjNode): NjNode {
    const name = filterName(node);
    if (!this.knownFilters.has(name)) {
      throw new RenderFailure(
        'TemplateSyntax',
        `unknown filter '${name}'`,
        lineOf(node),
        didYouMean(name, this.knownFilters).trim() ||
          `stackql filters: ${STACKQL_FILTERS.join(', ')}; nunjucks' built-ins (default, join, upper, ...) also work.`,
      );
    }
    const args = nodeArray((node.args as NjNode).children).map((arg, i) =>
      this.visit(arg, i === 0 && TOLERANT_FILTERS.has(name)),
    );
    return helperCall(HELPERS.filter, node, [literal(node, name), literal(node, lineOf(node)), ...args]);
  }

  private test(node: NjNode): NjNode {
    node.left = this.visit(node.left as NjNode, TOLERANT_TESTS.has(testName(node)));
    const test = node.right as NjNode;
    if (test.typename === 'FunCall') test.args = this.visit(test.args as NjNode);
    return node;
  }

  private loop(node: NjNode): NjNode {
    const names = node.name as NjNode;
    const arity = names.typename === 'Array' ? nodeArray(names.children).length : 1;
    const source = node.arr as NjNode;
    node.arr = helperCall(HELPERS.iter, source, [
      literal(source, lineOf(source)),
      literal(source, arity),
      this.visit(source),
    ]);
    node.body = this.visit(node.body as NjNode);
    if (isNode(node.else_)) node.else_ = this.visit(node.else_);
    return node;
  }
}
