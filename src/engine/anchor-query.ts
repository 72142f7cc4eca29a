/** Rendering one anchor of a resource with what is known now, and polling its query. */
import { DeployError, DeployErrors } from '../errors/index.js';
import type { AnchorName } from '../query/index.js';
import type { QueryResult, Row } from '../sql/index.js';
import {
  renderResource,
  type Known,
  type RenderedQuery,
  type RenderedResource,
  type StackResource,
} from '../stack/index.js';
import { containsUnknown } from '../template/index.js';
import { poll, retryOf } from './anchor-results.js';
import type { PlanContext } from './plan-context.js';

/** The anchor rendered (`callback.*` for callback and troubleshoot); its problems thrown. */
export function renderAnchor(
  ctx: PlanContext,
  resource: StackResource,
  known: Known,
  anchor: AnchorName,
  callback?: Record<string, unknown>,
): RenderedResource {
  // No such block: spares building the template context for nothing.
  if (resource.blocks[anchor] === undefined) return { statements: [], queries: {}, problems: [] };
  const rendered = renderResource({
    stack: ctx.stack,
    resource,
    registry: ctx.registry,
    known,
    own: {},
    anchors: [anchor],
    ...(callback ? { callback } : {}),
  });
  DeployErrors.throwIfAny(rendered.problems);
  return rendered;
}

/** The statecheck, when the resource has one and every value it uses is known. */
export function statecheckOf(ctx: PlanContext, resource: StackResource, known: Known): RenderedQuery | undefined {
  const query = renderAnchor(ctx, resource, known, 'statecheck').queries.statecheck;
  return query && !containsUnknown(query.sql) ? query : undefined;
}

export function origin(query: RenderedQuery, resource: string): { file: string; line: number; resource: string } {
  return { file: query.file, line: query.line, resource };
}

/** Runs the query until `done` says yes or its retries (the anchor's, else `defaults`) run out. */
export function pollQuery(
  ctx: PlanContext,
  query: RenderedQuery,
  resource: string,
  defaults: { retries: number; delay: number },
  done: (result: QueryResult) => boolean,
  signal?: AbortSignal,
): Promise<{ value: QueryResult; ok: boolean; attempts: number }> {
  return poll(
    retryOf(query, defaults),
    () => ctx.sql.select(query.sql, origin(query, resource), ctx.reads),
    done,
    signal,
  );
}

/**
 * The one row an exports query (or a query resource) answers, or undefined for none. `retry`:
 * poll as the anchor says until a row appears (the resources it reads were just created).
 */
export async function oneRow(
  ctx: PlanContext,
  query: RenderedQuery,
  resource: string,
  retry: boolean,
  signal?: AbortSignal,
): Promise<Row | undefined> {
  const rows = (result: QueryResult): boolean => result.rows.length > 0;
  const { value } = retry
    ? await pollQuery(ctx, query, resource, { retries: 1, delay: 0 }, rows, signal)
    : { value: await ctx.sql.select(query.sql, origin(query, resource), ctx.reads) };
  if (value.rows.length > 1) {
    throw new DeployError(
      'AmbiguousExports',
      `the ${query.anchor} query of '${resource}' returned ${value.rows.length} rows`,
      {
        ...origin(query, resource),
        hint: 'it answers one row: filter it down to the one resource it is about',
      },
    );
  }
  return value.rows[0];
}
