/**
 * Renders a resource's query blocks for an environment and parses them into operations.
 * Problems are collected rather than thrown, so `deploy validate` can report them all.
 */
import { DeployError } from '../errors/index.js';
import { resourceContext } from '../manifest/index.js';
import {
  parseStatement,
  type AnchorName,
  type CreateOperation,
  type DeleteOperation,
  type Operation,
  type SelectOperation,
  type UpdateOperation,
} from '../query/index.js';
import type { SchemaRegistry, TypeSchema } from '../schema/index.js';
import { renderTemplate } from '../template/index.js';
import { ownColumns } from './context.js';
import { withResource } from './stack.js';
import type { Stack, StackResource } from './types.js';

export interface RenderedStatement {
  anchor: AnchorName;
  line: number;
  sql: string;
  operation?: Operation;
}

export interface RenderedResource {
  statements: RenderedStatement[];
  create?: CreateOperation;
  delete?: DeleteOperation;
  update?: UpdateOperation;
  exists?: SelectOperation;
  exports?: SelectOperation;
  problems: DeployError[];
}

/** Anchors that address the resource as it exists: they may use its own columns. */
export const ADDRESSING: ReadonlySet<AnchorName> = new Set(['delete', 'update', 'exists', 'statecheck', 'exports']);

export interface RenderInput {
  stack: Stack;
  resource: StackResource;
  registry: SchemaRegistry;
  /** Stack context + exports of other resources. */
  base: Record<string, unknown>;
  /** The resource's own columns (for ADDRESSING anchors). */
  own: Record<string, unknown>;
  /** Which anchors to render; default all present. */
  anchors?: AnchorName[];
}

export function renderResource(input: RenderInput): RenderedResource {
  const context = contextOf(input);
  if ('problem' in context) return { statements: [], problems: [context.problem] };
  return renderBlocks(input, context.context, input.own, input.anchors);
}

function contextOf(input: Omit<RenderInput, 'own'>): { context: Record<string, unknown> } | { problem: DeployError } {
  const { stack, resource } = input;
  try {
    return { context: resourceContext(stack.manifest, resource.def, stack.env, input.base) };
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
  const result: RenderedResource = { statements: [], problems: [] };
  const addressing = { ...own, ...context };
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
      const sql = renderTemplate(
        { text: block.text, file: resource.file, line: block.bodyLine, resource: name },
        ADDRESSING.has(anchor) ? addressing : context,
      );
      const statement: RenderedStatement = { anchor, line: block.bodyLine, sql };
      result.statements.push(statement);
      if (anchor === 'command') continue; // free-form: not a Cloud Control operation
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
  exists: 'select',
  statecheck: 'select',
  exports: 'select',
};

function assign(result: RenderedResource, anchor: AnchorName, op: Operation, resource: StackResource): void {
  const expected = EXPECTED[anchor];
  if (expected !== undefined && op.kind !== expected) {
    const block = resource.blocks[anchor];
    throw new DeployError('WrongStatementKind', `the ${anchor} block holds ${article(op.kind)} statement`, {
      file: resource.file,
      ...(block ? { line: block.bodyLine } : {}),
      resource: resource.def.name,
      hint: `a /*+ ${anchor} */ block takes ${article(expected)} statement`,
    });
  }
  if (op.kind === 'create') result.create = op;
  else if (op.kind === 'delete') result.delete = op;
  else if (op.kind === 'update') result.update = op;
  else if (anchor === 'exists') result.exists = op;
  else if (anchor === 'exports') result.exports = op;
}

function article(kind: string): string {
  const word = kind === 'create' ? 'INSERT' : kind.toUpperCase();
  return `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** The schema a resource's statements name (create first), if any parsed. */
export function schemaOf(rendered: RenderedResource, registry: SchemaRegistry): TypeSchema | undefined {
  const op = rendered.create ?? rendered.delete ?? rendered.update ?? rendered.exists ?? rendered.exports;
  return op ? registry.find(op.typeName) : undefined;
}

/**
 * Renders the create block first to learn the resource's type, then every block, the addressing
 * ones with the resource's own columns (unknowns of its type, so they render). When the
 * create block fails, only its problems are returned: the other blocks would repeat them.
 * Own columns stay unknown: the engine addresses existing resources by their ledger identifier.
 */
export function renderTyped(input: Omit<RenderInput, 'own' | 'anchors'>): {
  rendered: RenderedResource;
  schema?: TypeSchema;
} {
  const { resource, registry } = input;
  const context = contextOf(input);
  if ('problem' in context) return { rendered: { statements: [], problems: [context.problem] } };
  // The create block does not address the resource: what the probe rendered is final.
  const probe = renderBlocks(input, context.context, {}, ['create', 'createorupdate']);
  const probed = schemaOf(probe, registry);
  if (probe.problems.length > 0) return probed ? { rendered: probe, schema: probed } : { rendered: probe };
  const own = ownColumns(resource.def.name, probed);
  const rendered = renderBlocks(input, context.context, own, undefined, probe);
  const schema = schemaOf(rendered, registry);
  return schema ? { rendered, schema } : { rendered };
}
