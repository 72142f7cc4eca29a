/**
 * What follows a create, update or delete, as stackql-deploy's anchors ask: the `callback`
 * query polled until it answers yes (with `callback.*` holding what RETURNING * would give:
 * the request's ProgressEvent), `return_vals` captured as `this.*`, the `statecheck` polled to
 * confirm the desired state, and the `exports` query read. When a step or the operation
 * fails, the `troubleshoot` query runs and its rows are shown.
 */
import type { ResourceState } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import { eventTime } from '../events/index.js';
import type { AnchorName, AnchorOperation } from '../query/index.js';
import { resourceColumns, type Known, type RenderedQuery, type StackResource } from '../stack/index.js';
import { containsUnknown } from '../template/index.js';
import { origin, pollQuery, renderAnchor, statecheckOf } from './anchor-query.js';
import { callbackDone, statecheckHolds } from './anchor-results.js';
import type { ApplyContext } from './plan-context.js';
import { readExports, thisFields } from './read-exports.js';

/** `callback.*` after a mutation: the ProgressEvent of its request, which has succeeded. */
export function progressEvent(
  operation: AnchorOperation,
  typeName: string,
  identifier: string,
  requestToken: string | undefined,
  status: 'SUCCESS' | 'FAILED' = 'SUCCESS',
): Record<string, unknown> {
  return {
    ProgressEvent: {
      TypeName: typeName,
      Identifier: identifier,
      Operation: operation.toUpperCase(),
      OperationStatus: status,
      ...(requestToken !== undefined ? { RequestToken: requestToken } : {}),
    },
  };
}

/** The query bound to this operation (`callback:create`), else the unbound one (`callback`). */
function anchored(
  ctx: ApplyContext,
  resource: StackResource,
  known: Known,
  base: 'callback' | 'troubleshoot',
  operation: AnchorOperation,
  callback: Record<string, unknown>,
): RenderedQuery | undefined {
  const anchor = ([`${base}:${operation}`, base] as AnchorName[]).find((a) => resource.blocks[a] !== undefined);
  return anchor === undefined ? undefined : renderAnchor(ctx, resource, known, anchor, callback).queries[anchor];
}

function short(callback: Record<string, unknown>, query: RenderedQuery): boolean {
  const field = query.options['short_circuit_field'];
  const wanted = query.options['short_circuit_value'];
  if (field === undefined || wanted === undefined) return false;
  const value = String(field)
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], callback);
  return String(value) === String(wanted);
}

/** Polls the callback query, if any, until it answers yes; exhausted retries fail the resource. */
export async function awaitCallback(
  ctx: ApplyContext,
  resource: StackResource,
  known: Map<string, Record<string, unknown>>,
  operation: AnchorOperation,
  callback: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<void> {
  const name = resource.def.name;
  const query = anchored(ctx, resource, known, 'callback', operation, callback);
  if (!query || short(callback, query)) return;
  const at = origin(query, name);
  const result = await pollQuery(ctx, query, name, { retries: 3, delay: 5 }, callbackDone, signal);
  if (!result.ok) {
    throw new DeployError(
      'CallbackTimeout',
      `the ${query.anchor} query of '${name}' did not answer yes in ${result.attempts} attempts`,
      {
        ...at,
        hint: 'it must return a row with success (or count) true or 1; raise retries= or retry_delay= if the operation needs longer',
      },
    );
  }
}

/** `return_vals: {create: [{Identifier: vpc_id}, ErrorCode]}`: fields of RETURNING kept as `this.*`. */
function returnVals(
  resource: StackResource,
  operation: AnchorOperation,
  callback: Record<string, unknown>,
): Record<string, unknown> {
  const wanted = resource.def.returnVals?.[operation];
  if (!Array.isArray(wanted)) return {};
  const event = (callback['ProgressEvent'] ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const item of wanted as unknown[]) {
    const pairs: [string, unknown][] =
      typeof item === 'string' ? [[item, item]] : Object.entries((item ?? {}) as Record<string, unknown>);
    for (const [field, alias] of pairs) out[String(alias)] = event[field] ?? callback[field] ?? null;
  }
  return out;
}

/**
 * After a create or update: callback, return_vals, `this.*` fields, statecheck and exports.
 * Answers the resource's template columns; throws when the statecheck never holds.
 */
export async function settle(
  ctx: ApplyContext,
  resource: StackResource,
  state: ResourceState,
  known: Map<string, Record<string, unknown>>,
  operation: 'create' | 'update',
  callback: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const name = resource.def.name;
  let columns = resourceColumns(state.properties, returnVals(resource, operation, callback));
  known.set(name, columns);
  await awaitCallback(ctx, resource, known, operation, callback, signal);
  const fields = await thisFields(ctx, resource, known);
  if (fields) known.set(name, (columns = { ...columns, ...fields }));
  if (!resource.def.skipValidation) await confirmState(ctx, resource, known, signal);
  const row = await readExports(ctx, resource, known, true, signal);
  if (row) known.set(name, (columns = { ...columns, ...row }));
  return columns;
}

async function confirmState(
  ctx: ApplyContext,
  resource: StackResource,
  known: Map<string, Record<string, unknown>>,
  signal?: AbortSignal,
): Promise<void> {
  const name = resource.def.name;
  const query = statecheckOf(ctx, resource, known);
  if (!query) return;
  const at = origin(query, name);
  const result = await pollQuery(ctx, query, name, { retries: 1, delay: 0 }, statecheckHolds, signal);
  if (!result.ok) {
    throw new DeployError(
      'StatecheckFailed',
      `'${name}' is not in the desired state: its statecheck answered no after ${result.attempts} attempt(s)`,
      {
        ...at,
        hint: 'compare the statecheck with what was deployed (deploy plan --diff shows property differences); raise retries= or retry_delay= if the service applies changes slowly',
      },
    );
  }
}

/**
 * Runs the troubleshoot query of a failed operation, if there is one and it renders, and shows
 * its rows as a warning. It never changes the outcome: a failing troubleshoot query is itself
 * only reported.
 */
export async function troubleshoot(
  ctx: ApplyContext,
  resource: StackResource,
  known: Map<string, Record<string, unknown>>,
  operation: AnchorOperation,
  callback: Record<string, unknown>,
): Promise<void> {
  const name = resource.def.name;
  // `this.*` holds what return_vals captures of the failed request (e.g. its RequestToken).
  const seen = new Map(known).set(name, { ...known.get(name), ...returnVals(resource, operation, callback) });
  let message: string;
  try {
    const query = anchored(ctx, resource, seen, 'troubleshoot', operation, callback);
    if (!query || containsUnknown(query.sql)) return;
    const result = await ctx.sql.select(query.sql, origin(query, name));
    message = `troubleshoot diagnostics (${operation}):\n${JSON.stringify(result.rows, null, 2)}`;
  } catch (error) {
    message = `the troubleshoot query failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  ctx.sink.emit({ type: 'warning', time: eventTime(), resource: name, message });
}
