/**
 * Renders a resource's query blocks for an environment. INSERT, UPDATE and DELETE are parsed
 * into Cloud Control operations; SELECT anchors (exists, statecheck, exports, callback,
 * troubleshoot) stay SQL text for the SQL engine. Problems are collected rather than thrown,
 * so `deploy validate` can report them all.
 */
import { DeployError } from '../errors/index.js';
import { resourceContext } from '../manifest/index.js';
import {
  isQueryAnchor,
  parseStatement,
  type AnchorName,
  type CreateOperation,
  type DeleteOperation,
  type Operation,
  type UpdateOperation,
} from '../query/index.js';
import type { SchemaRegistry, TypeSchema } from '../schema/index.js';
import { partiallyUnknown, renderTemplate } from '../template/index.js';
import { ownColumns, templateBase, thisOf, type Known } from './context.js';
import { withResource } from './stack.js';
import type { Stack, StackResource } from './types.js';

export interface RenderedStatement {
  anchor: AnchorName;
  line: number;
  sql: string;
  operation?: Operation;
}

/** A SELECT anchor, rendered: what the SQL engine runs. */
export interface RenderedQuery {
  anchor: AnchorName;
  sql: string;
  file: string;
  line: number;
  options: Record<string, number | string>;
}

export interface RenderedResource {
  statements: RenderedStatement[];
  create?: CreateOperation;
  delete?: DeleteOperation;
  update?: UpdateOperation;
  queries: Partial<Record<AnchorName, RenderedQuery>>;
  problems: DeployError[];
}

/** Anchors that address the resource as it exists: they may use its own columns. */
export const ADDRESSING: ReadonlySet<AnchorName> = new Set(['delete', 'update', 'exists', 'statecheck', 'exports']);

export interface RenderInput {
  stack: Stack;
  resource: StackResource;
  registry: SchemaRegistry;
  /** What is known of the resources so far (their columns), this one included. */
  known: Known;
  /** The resource's own columns (for ADDRESSING anchors). */
  own: Record<string, unknown>;
  /** Which anchors to render; default all present. */
  anchors?: AnchorName[];
  /** `callback.*`: what the last mutation's RETURNING gave (callback and troubleshoot anchors). */
  callback?: Record<string, unknown>;
}

export function renderResource(input: RenderInput): RenderedResource {
  const context = contextOf(input);
  if ('problem' in context) return { statements: [], queries: {}, problems: [context.problem] };
  return renderBlocks(input, context.context, input.own, input.anchors);
}

function contextOf(input: Omit<RenderInput, 'own'>): { context: Record<string, unknown> } | { problem: DeployError } {
  const { stack, resource, known } = input;
  try {
    const self = thisOf(stack, resource.def.name, known);
    const base = templateBase(stack, known, resource); // a fresh object: no need to copy it again
    base['this'] = self;
    base['idempotency_token'] = self['idempotency_token'];
    return { context: resourceContext(stack.manifest, resource.def, stack.env, base) };
  } catch (error) {
    return { problem: withResource(error, resource.def.name) };
  }
}

/** Renders and parses the wanted blocks; statements already in `done` are taken from it. */
function renderBlocks(
  input: Omit<RenderInput, 'own' | 'anchors'>,
  context: Record<string, unknown>,
  own: Record<string, unknown>,
  anchors: AnchorName[] | undefined,
  done?: RenderedResource,
): RenderedResource {
  const { resource, registry } = input;
  const name = resource.def.name;
  const result: RenderedResource = { statements: [], queries: {}, problems: [] };
  // Copying the context (the stack's variables and globals) costs more than the rest of a
  // render of a small template: made only for the anchors that use it, once.
  let addressing: Record<string, unknown> | undefined;
  const addressed = (): Record<string, unknown> => (addressing ??= { ...own, ...context });
  const wanted = anchors ?? (Object.keys(resource.blocks) as AnchorName[]);
  for (const anchor of wanted) {
    const block = resource.blocks[anchor];
    if (!block) continue;
    try {
      const earlier = done?.statements.find((s) => s.anchor === anchor);
      if (earlier) {
        result.statements.push(earlier);
        if (earlier.operation) assign(result, anchor, earlier.operation, resource);
        continue;
      }
      const query = isQueryAnchor(anchor);
      const scope = ADDRESSING.has(anchor)
        ? addressed()
        : query
          ? { ...addressed(), callback: input.callback ?? partiallyUnknown('callback', {}) }
          : context;
      const sql = renderTemplate(
        { text: block.text, file: resource.file, line: block.bodyLine, resource: name },
        scope,
      );
      const statement: RenderedStatement = { anchor, line: block.bodyLine, sql };
      result.statements.push(statement);
      if (query) {
        result.queries[anchor] = { anchor, sql, file: resource.file, line: block.bodyLine, options: block.options };
        continue;
      }
      if (anchor === 'command') continue; // run as written by `type: command` resources
      const operation = parseStatement(sql, { file: resource.file, line: block.bodyLine, resource: name, registry });
      statement.operation = operation;
      assign(result, anchor, operation, resource);
    } catch (error) {
      result.problems.push(withResource(error, name));
    }
  }
  return result;
}

const EXPECTED: Partial<Record<AnchorName, Operation['kind']>> = {
  create: 'create',
  createorupdate: 'create',
  delete: 'delete',
  update: 'update',
};

function assign(result: RenderedResource, anchor: AnchorName, op: Operation, resource: StackResource): void {
  const expected = EXPECTED[anchor];
  if (expected !== undefined && op.kind !== expected) {
    const block = resource.blocks[anchor];
    throw new DeployError('WrongStatementKind', `the ${anchor} block holds ${article(op.kind)} statement`, {
      file: resource.file,
      ...(block ? { line: block.bodyLine } : {}),
      resource: resource.def.name,
      hint:
        op.kind === 'update'
          ? 'deploy computes updates from the create block; to patch a resource this stack does not create on every apply, make it `type: command` with the UPDATE in a /*+ command */ block (or `sql:`)'
          : `a /*+ ${anchor} */ block takes ${article(expected)} statement`,
    });
  }
  if (op.kind === 'create') result.create = op;
  else if (op.kind === 'delete') result.delete = op;
  else if (op.kind === 'update') result.update = op;
}

function article(kind: string): string {
  const word = kind === 'create' ? 'INSERT' : kind.toUpperCase();
  return `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** The schema a resource's statements name (create first), if any parsed. */
export function schemaOf(rendered: RenderedResource, registry: SchemaRegistry): TypeSchema | undefined {
  const op = rendered.create ?? rendered.delete ?? rendered.update;
  return op ? registry.find(op.typeName) : undefined;
}

/**
 * Renders the create block first to learn the resource's type, then the blocks (`anchors`, or
 * all), the addressing ones with the resource's own columns (unknowns of its type, so they
 * render). When the create block fails, only its problems are returned: the other blocks would
 * repeat them.
 */
export function renderTyped(input: Omit<RenderInput, 'own'>): {
  rendered: RenderedResource;
  schema?: TypeSchema;
} {
  const { resource, registry } = input;
  const context = contextOf(input);
  if ('problem' in context) return { rendered: { statements: [], queries: {}, problems: [context.problem] } };
  // The create block does not address the resource: what the probe rendered is final.
  const probe = renderBlocks(input, context.context, {}, ['create', 'createorupdate']);
  const probed = schemaOf(probe, registry);
  if (probe.problems.length > 0) return probed ? { rendered: probe, schema: probed } : { rendered: probe };
  const own = ownColumns(input.stack, resource, probed);
  const anchors = input.anchors ? [...input.anchors, 'create' as const, 'createorupdate' as const] : undefined;
  const rendered = renderBlocks(input, context.context, own, anchors, probe);
  const schema = schemaOf(rendered, registry);
  return schema ? { rendered, schema } : { rendered };
}
