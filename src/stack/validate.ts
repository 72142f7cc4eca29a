/**
 * `deploy validate`: everything that can be checked before any cloud call. Every resource is
 * rendered with the exports of other resources unknown (as on a first deploy), its statements
 * parsed and checked against its type's schema, and its SELECTs checked by SQLite (tables,
 * columns, region, list keys). All problems are collected.
 */
import { displayPath } from '../manifest/index.js';
import { DeployError } from '../errors/index.js';
import { checkCreate, parseStatement, splitStatements } from '../query/index.js';
import { provisionProblems, typeColumns, type SchemaRegistry, type TypeSchema } from '../schema/index.js';
import { queryColumns } from '../sql/index.js';
import { closest } from '../common/index.js';
import { buildGraph } from '../graph/index.js';
import { containsUnknown } from '../template/index.js';
import { conditionHolds } from './condition.js';
import { withResource } from './stack.js';
import { assertSupportedType } from './supported-type.js';
import type { RenderedResource } from './render.js';
import { renderWith } from './render-with.js';
import type { Stack, StackResource } from './types.js';

export interface ValidatedResource {
  resource: StackResource;
  schema?: TypeSchema;
  rendered: RenderedResource;
}

export async function validateStack(
  stack: Stack,
  registry: SchemaRegistry,
): Promise<{ resources: ValidatedResource[]; problems: DeployError[] }> {
  const problems: DeployError[] = [...stack.problems];
  const resources: ValidatedResource[] = [];
  const manifestFile = displayPath(stack.manifest.file);
  const none = new Map<string, Record<string, unknown>>();
  for (const resource of stack.resources) {
    const name = resource.def.name;
    const { rendered, schema } = renderWith(stack, resource, registry, none);
    problems.push(...rendered.problems);
    resources.push({ resource, rendered, ...(schema ? { schema } : {}) });
    try {
      assertSupportedType(stack, resource);
    } catch (error) {
      problems.push(error as DeployError);
      continue;
    }
    const at = { file: manifestFile, line: resource.def.line, resource: name };
    const exportColumns = await checkQueries(name, rendered, registry, problems);
    if (resource.def.type === 'resource') problems.push(...checkBlocks(resource, rendered, schema, registry, at));
    if (resource.def.type === 'command') problems.push(...(await checkCommand(resource, rendered, registry)));
    if (exportColumns !== false) problems.push(...checkExports(resource, schema, exportColumns, at));
  }
  problems.push(...planChecks(stack, resources));
  return { resources, problems };
}

/** An AWS region name: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `us-isob-east-1`. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * What `plan` checks before any read, checked here too so `validate` passes only what `plan`
 * accepts: the dependency order has no cycle, each `if` evaluates, each region is a region name.
 */
function planChecks(stack: Stack, resources: ValidatedResource[]): DeployError[] {
  const problems: DeployError[] = [];
  const file = displayPath(stack.manifest.file);
  try {
    buildGraph(stack.resources.map((r) => ({ id: r.def.name, dependsOn: r.dependsOn })));
  } catch (error) {
    if (!DeployError.is(error)) throw error;
    problems.push(new DeployError(error.code, error.message, { file, ...(error.hint ? { hint: error.hint } : {}) }));
  }
  for (const { resource, rendered } of resources) {
    const name = resource.def.name;
    if (resource.def.if !== undefined) {
      try {
        conditionHolds({ stack }, resource, new Map());
      } catch (error) {
        problems.push(withResource(error, name));
      }
    }
    const region = rendered.create?.region;
    if (region !== undefined && !containsUnknown(region) && !REGION.test(region)) {
      problems.push(
        new DeployError('InvalidRegion', `'${region}' is not an AWS region name`, {
          file: resource.file,
          resource: name,
          hint: 'use a region such as us-east-1 or eu-west-2 (lower case, no spaces)',
        }),
      );
    }
  }
  return problems;
}

/**
 * SQLite's verdict on every SELECT. Answers the exports query's columns, undefined without
 * one, false when it failed (its exports cannot be checked then).
 */
async function checkQueries(
  resource: string,
  rendered: RenderedResource,
  registry: SchemaRegistry,
  problems: DeployError[],
): Promise<string[] | undefined | false> {
  let exportColumns: string[] | undefined | false;
  for (const query of Object.values(rendered.queries)) {
    try {
      const columns = await queryColumns(query.sql, { file: query.file, line: query.line, resource }, registry);
      if (query.anchor === 'exports') exportColumns = columns;
    } catch (error) {
      if (!DeployError.is(error)) throw error;
      problems.push(error);
      if (query.anchor === 'exports') exportColumns = false;
    }
  }
  return exportColumns;
}

function checkBlocks(
  resource: StackResource,
  rendered: RenderedResource,
  schema: TypeSchema | undefined,
  registry: SchemaRegistry,
  at: { file: string; line: number; resource: string },
): DeployError[] {
  const name = resource.def.name;
  const hasCreate = resource.blocks.create ?? resource.blocks.createorupdate;
  if (!hasCreate) {
    return [
      new DeployError('MissingCreate', `resource '${name}' has no /*+ create */ block in ${resource.file}`, {
        ...at,
        hint: 'add a /*+ create */ block with an INSERT INTO statement, or set `type: query` for a read-only resource',
      }),
    ];
  }
  const problems: DeployError[] = [];
  if (!resource.blocks.delete) {
    problems.push(
      new DeployError('MissingDelete', `resource '${name}' can be created but has no /*+ delete */ block`, {
        file: resource.file,
        line: hasCreate.line,
        resource: name,
        hint: 'add a /*+ delete */ block (DELETE FROM … WHERE data__Identifier = …) so teardown can remove it',
      }),
    );
  }
  if (rendered.create && schema) {
    const where = { file: resource.file, line: hasCreate.bodyLine, resource: name };
    problems.push(...checkCreate(rendered.create, schema, { ...where, registry }), ...provisionProblems(schema, where));
  }
  return problems;
}

/**
 * Every export must be something the resource answers: a column of its exports query when it
 * has one, else a column of its type; otherwise it would only fail once deployed.
 */
function checkExports(
  resource: StackResource,
  schema: TypeSchema | undefined,
  exportColumns: string[] | undefined,
  at: { file: string; line: number; resource: string },
): DeployError[] {
  const columns = [...(exportColumns ?? []), ...(schema ? typeColumns(schema) : [])];
  if (exportColumns === undefined && !schema) return [];
  const source = exportColumns !== undefined ? `the exports query of '${resource.def.name}'` : schema?.stackqlName;
  return resource.def.exports
    .filter((e) => !columns.includes(e.column))
    .map((e) => {
      const near = closest(e.column, columns);
      return new DeployError('UnknownExport', `export '${e.column}' is not a column of ${source}`, {
        ...at,
        hint: near.length
          ? `did you mean ${near.map((n) => `'${n}'`).join(', ')}?`
          : `add it to the exports query (SELECT … AS ${e.column}), or export one of: ${columns.join(', ')}`,
      });
    });
}

/** Each statement of a command: a Cloud Control operation, or a SELECT SQLite accepts. */
async function checkCommand(
  resource: StackResource,
  rendered: RenderedResource,
  registry: SchemaRegistry,
): Promise<DeployError[]> {
  const block = rendered.statements.find((s) => s.anchor === 'command');
  const name = resource.def.name;
  if (!block) {
    return [
      new DeployError('MissingCommand', `command resource '${name}' has no statement`, {
        file: resource.file,
        resource: name,
        hint: 'add sql: <statement> to the resource, or a /*+ command */ block to its .iql file',
      }),
    ];
  }
  const problems: DeployError[] = [];
  const origin = { file: resource.file, line: block.line, resource: name };
  for (const statement of splitStatements(block.sql, origin)) {
    const at = { ...origin, line: statement.line };
    try {
      if (statement.verb === 'select' || statement.verb === 'with') await queryColumns(statement.sql, at, registry);
      else parseStatement(statement.sql, { ...at, registry });
    } catch (error) {
      if (!DeployError.is(error)) throw error;
      problems.push(error);
    }
  }
  return problems;
}
