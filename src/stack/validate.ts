/**
 * `deploy validate`: everything that can be checked before any cloud call. Every resource is
 * rendered with the exports of other resources unknown (as on a first deploy), parsed, and
 * checked against its type's schema. All problems are collected.
 */
import { displayPath } from '../manifest/index.js';
import { DeployError } from '../errors/index.js';
import { checkCreate } from '../query/index.js';
import { provisionProblems, snakeCase, type SchemaRegistry, type TypeSchema } from '../schema/index.js';
import { closest } from '../common/index.js';
import { buildGraph } from '../graph/index.js';
import { containsUnknown } from '../template/index.js';
import { conditionHolds } from './condition.js';
import { renderWith } from './render-with.js';
import { withResource } from './stack.js';
import { assertSupportedType } from './supported-type.js';
import type { RenderedResource } from './render.js';
import type { Stack, StackResource } from './types.js';

export interface ValidatedResource {
  resource: StackResource;
  schema?: TypeSchema;
  rendered: RenderedResource;
}

export function validateStack(
  stack: Stack,
  registry: SchemaRegistry,
): {
  resources: ValidatedResource[];
  problems: DeployError[];
} {
  const none = new Map<string, Record<string, unknown>>();
  const problems: DeployError[] = [...stack.problems];
  const resources: ValidatedResource[] = [];
  const manifestFile = displayPath(stack.manifest.file);
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
    if (resource.def.type !== 'resource') continue;

    const at = { file: manifestFile, line: resource.def.line, resource: name };
    const hasCreate = resource.blocks.create ?? resource.blocks.createorupdate;
    if (!hasCreate) {
      problems.push(
        new DeployError('MissingCreate', `resource '${name}' has no /*+ create */ block in ${resource.file}`, {
          ...at,
          hint: 'add a /*+ create */ block with an INSERT INTO statement, or set `type: query` for a read-only resource',
        }),
      );
    } else if (!resource.blocks.delete) {
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
      problems.push(
        ...checkCreate(rendered.create, schema, {
          file: resource.file,
          line: hasCreate?.bodyLine ?? 1,
          resource: name,
          registry,
        }),
      );
      problems.push(
        ...provisionProblems(schema, { file: resource.file, line: hasCreate?.bodyLine ?? 1, resource: name }),
      );
    }
    if (schema) problems.push(...checkExports(resource, schema, at));
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

/** Export columns must be columns of the type, or they would silently be empty. */
function checkExports(
  resource: StackResource,
  schema: TypeSchema,
  at: { file: string; line: number; resource: string },
): DeployError[] {
  const columns = [...Object.keys(schema.properties), ...Object.keys(schema.readOnly)].map(snakeCase);
  return resource.def.exports
    .filter((e) => !columns.includes(e.column))
    .map((e) => {
      const near = closest(e.column, columns);
      return new DeployError('UnknownExport', `export '${e.column}' is not a column of ${schema.stackqlName}`, {
        ...at,
        hint: near.length
          ? `did you mean ${near.map((n) => `'${n}'`).join(', ')}?`
          : `columns are ${columns.join(', ')}`,
      });
    });
}
