/**
 * A resource's `exports` query, run once the resource exists: its result columns (aliases and
 * computed expressions included) are the resource's exports, and win over its properties of
 * the same name. Without an exports query, exports are the resource's properties.
 */
import { DeployError, DeployErrors } from '../errors/index.js';
import type { Row } from '../sql/index.js';
import { EXCLUDED, rememberedRender, renderTyped, type Known, type StackResource } from '../stack/index.js';
import { containsUnknown, unknownPaths } from '../template/index.js';
import { oneRow, origin } from './anchor-query.js';
import { existence } from './anchor-results.js';
import type { PlanContext } from './plan-context.js';

const ANCHORS = ['exists', 'statecheck', 'exports'] as const;

/**
 * Planning and settling a resource render its queries up to three times (this.*, statecheck,
 * exports), mostly from the very same states: then the last result is the answer.
 */
const lastQueries = rememberedRender<RenderedQueries>();

/** The resource's rendered SELECT anchors with what is known now. */
export function renderQueries(ctx: PlanContext, resource: StackResource, known: Known): RenderedQueries {
  // Nothing to render: spares building the template context and parsing the create block.
  if (!ANCHORS.some((anchor) => resource.blocks[anchor] !== undefined)) return {};
  return lastQueries(ctx.stack, resource, known, () => {
    const { rendered } = renderTyped({
      stack: ctx.stack,
      resource,
      registry: ctx.registry,
      known,
      anchors: [...ANCHORS],
    });
    DeployErrors.throwIfAny(rendered.problems);
    return rendered.queries;
  });
}

type RenderedQueries = ReturnType<typeof renderTyped>['rendered']['queries'];

/**
 * The `this.*` fields from the exists query, when the exports or statecheck query asks for
 * some its columns do not hold (e.g. a computed identifier), else undefined.
 */
export async function thisFields(
  ctx: PlanContext,
  resource: StackResource,
  known: Map<string, Record<string, unknown>>,
): Promise<Row | undefined> {
  const name = resource.def.name;
  const queries = renderQueries(ctx, resource, known);
  const wanted = [queries.exports, queries.statecheck].some(
    (q) => q !== undefined && unknownPaths(q.sql).some((p) => p.startsWith(`${name}.`)),
  );
  const exists = queries.exists;
  if (!wanted || !exists || containsUnknown(exists.sql)) return undefined;
  const answer = existence(await ctx.sql.select(exists.sql, origin(exists, name), ctx.reads), exists, name);
  return answer.fields;
}

/**
 * The exports row. `retry`: after a create or update, poll as the anchor says until the row
 * appears; at plan time, one attempt. Undefined when the resource has no exports query or it
 * still needs values not known yet; an error when it finds nothing.
 */
export async function readExports(
  ctx: PlanContext,
  resource: StackResource,
  known: Known,
  retry: boolean,
  signal?: AbortSignal,
): Promise<Row | undefined> {
  const name = resource.def.name;
  if (known.get(name) === EXCLUDED) return undefined;
  const query = renderQueries(ctx, resource, known).exports;
  if (!query || containsUnknown(query.sql)) return undefined;
  const row = await oneRow(ctx, query, name, retry, signal);
  if (!row) {
    throw new DeployError('ExportsNotFound', `the exports query of '${name}' returned no row`, {
      ...origin(query, name),
      hint: retry
        ? 'the resource exists, but the query does not find it: check its WHERE clause (or give it retries=N, retry_delay=S)'
        : 'the resource exists, but the query does not find it: check its WHERE clause',
    });
  }
  return row;
}
