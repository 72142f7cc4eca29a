/**
 * `type: query` resources: reads, not things to deploy. Their `exports` (or `exists`) SELECT
 * runs as soon as every value it uses is known: at plan time when it reads what already
 * exists, else during apply, right after the resources it reads are created. Its row's
 * columns become exports for later resources, as in stackql-deploy.
 */
import { DeployError } from '../errors/index.js';
import type { Known, StackResource } from '../stack/index.js';
import { containsUnknown } from '../template/index.js';
import { typesRead } from '../sql/index.js';
import { oneRow, origin } from './anchor-query.js';
import { runScript } from './script-resource.js';
import type { PlanContext } from './plan-context.js';
import { renderQueries } from './read-exports.js';

/** Not readable yet: it uses values of resources this run creates. */
export const LATER = Symbol('later');

/**
 * The resources this run creates or changes that a query resource reads from (by the types
 * its tables name): it must be read after them, during apply.
 */
export function changingSources(
  ctx: PlanContext,
  resource: StackResource,
  known: Known,
  planned: Iterable<{ name: string; schema: { typeName: string }; change: { action: string } }>,
): string[] {
  if (resource.def.type !== 'query') return [];
  const queries = renderQueries(ctx, resource, known);
  const query = queries.exports ?? queries.exists;
  if (!query) return [];
  const types = typesRead(query.sql, { file: query.file, line: query.line, resource: resource.def.name }, ctx.registry);
  return [...planned]
    .filter((p) => types.includes(p.schema.typeName) && ['create', 'update', 'replace'].includes(p.change.action))
    .map((p) => p.name);
}

/**
 * The row a query resource selects. Finding nothing is an error when `required` (apply:
 * later resources need the values); otherwise undefined (teardown: they stay unknown).
 * `retry`: poll as the anchor says (during apply, the resources it reads were just created).
 */
export async function readQuery(
  ctx: PlanContext,
  resource: StackResource,
  known: Known,
  options: { required: boolean; retry: boolean; signal?: AbortSignal },
): Promise<Record<string, unknown> | undefined | typeof LATER> {
  const name = resource.def.name;
  if (resource.def.type === 'script') return (await runScript(ctx, resource, known, options.signal)) ?? LATER;
  const queries = renderQueries(ctx, resource, known);
  const query = queries.exports ?? queries.exists;
  if (!query) {
    throw new DeployError('MissingQuery', `query resource '${name}' has no /*+ exports */ SELECT in ${resource.file}`, {
      file: resource.file,
      resource: name,
      hint: 'add /*+ exports */ SELECT <columns> FROM aws.<service>.<resources> WHERE region = ... AND ..., or sql: in the manifest',
    });
  }
  if (containsUnknown(query.sql)) return LATER;
  const row = await oneRow(ctx, query, name, options.retry, options.signal);
  if (!row && options.required) {
    throw new DeployError('QueryFoundNothing', `the query of '${name}' found nothing`, {
      ...origin(query, name),
      hint: 'check the WHERE values: what it reads must exist before this stack is deployed',
    });
  }
  return row;
}
