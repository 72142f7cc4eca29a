/**
 * Applies a plan: runs the operation graph with bounded parallelism, re-renders each resource
 * once the resources it uses exist (so "known after apply" values become real), writes the
 * ledger after every completed operation, and reports every step as an event.
 */
import type { MutationOptions, ResourceState } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import { errorInfo, resourceEvent, type EngineEvent, type ErrorInfo, type RunSummary } from '../events/index.js';
import { rollback, type Applied } from './rollback.js';
import { buildGraph, runGraph, type ScheduleResult } from '../graph/index.js';
import { diffResource } from '../plan/index.js';
import type { Intent } from '../state/index.js';
import { collectSecrets, resourceColumns, stackExports } from '../stack/index.js';
import { awaitCallback, progressEvent, settle, troubleshoot } from './after-apply.js';
import { sendUnderIntent } from './intents.js';
import { IntentsAhead } from './intents-ahead.js';
import { laterRuns, runLater } from './later-runs.js';
import { operationNodes, parseNodeId } from './operations.js';
import { adoptUnchanged, entryOf, intentOf, recordOutcome } from './record.js';
import { desiredNow, subjectOf, type ApplyContext, type PlannedResource, type StackPlan } from './plan-context.js';

export type FailureMode = 'stop' | 'continue' | 'rollback';

export interface ApplyOptions {
  parallelism: number;
  onFailure: FailureMode;
  signal?: AbortSignal;
}

export interface ApplyOutcome {
  summary: RunSummary;
  outcome: 'success' | 'failed' | 'interrupted';
  failed: { resource: string; error: ErrorInfo }[];
  /** The stack's outputs (top-level `exports:`) as known after the run. */
  exports: ReturnType<typeof stackExports>;
}

export async function applyStack(
  ctx: ApplyContext,
  stackPlan: StackPlan,
  options: ApplyOptions,
): Promise<ApplyOutcome> {
  const { cloud, ledger, sink } = ctx;
  const planned = [...stackPlan.resources.values()];
  const byName = stackPlan.resources;
  const known = new Map(stackPlan.known);
  const started = new Map<string, number>();
  const applied: Applied[] = [];
  const failed: { resource: string; error: ErrorInfo }[] = [];
  const counts = { created: 0, updated: 0, replaced: 0, deleted: 0 };
  /** Replaced resources whose old instance is gone: until their create ends, nothing stands there. */
  const deletedForReplace = new Set<string>();
  const emit = (event: EngineEvent): void => sink.emit(event);
  const ahead = new IntentsAhead(ctx, byName, known);

  const begin = (p: PlannedResource): void => {
    if (started.has(p.name)) return;
    started.set(p.name, Date.now());
    emit(resourceEvent.started(subjectOf(p)));
  };
  const finish = (p: PlannedResource, identifier: string | undefined): void => {
    const action = p.change.action;
    if (action === 'create') counts.created++;
    else if (action === 'update') counts.updated++;
    else if (action === 'replace') {
      counts.replaced++;
      deletedForReplace.delete(p.name);
    } else if (action === 'delete') counts.deleted++;
    emit(resourceEvent.finished(subjectOf(p), started.get(p.name) ?? Date.now(), identifier));
  };
  const record = async (
    p: PlannedResource,
    state: ResourceState,
    desired: Record<string, unknown>,
    intent: Intent | undefined,
    columns: Record<string, unknown>,
  ): Promise<void> => {
    const entry = entryOf(p, state, desired, columns);
    collectSecrets(ctx.stack.secrets, p.resource, p.schema, {
      desired,
      actual: state.properties,
      exports: entry.exports,
    });
    await recordOutcome(p, p.change.action === 'update' ? 'updated' : 'created', state.identifier, async () => {
      await ledger.putAsync(entry, intent);
      if (p.renamedFrom !== undefined) await ledger.removeAsync(p.renamedFrom);
    });
    known.set(p.name, columns);
  };
  /**
   * After a create or update: callback, statecheck and exports (cloud reads, in the node's
   * slot), then the ledger write with the columns they found, once the slot is given back (the
   * next operation's intent shares its sync). The resource is recorded even when settling fails.
   */
  const settleAndRecord = async (
    p: PlannedResource,
    state: ResourceState,
    desired: Record<string, unknown>,
    intent: Intent | undefined,
    operation: 'create' | 'update',
    requestToken: string | undefined,
    freeSlot: () => void,
  ): Promise<void> => {
    let columns = resourceColumns(state.properties);
    try {
      const callback = progressEvent(operation, p.schema.typeName, state.identifier, requestToken);
      const resource = p.resource as NonNullable<PlannedResource['resource']>;
      columns = await settle(ctx, resource, state, known, operation, callback, options.signal);
    } finally {
      freeSlot();
      await record(p, state, desired, intent, columns);
    }
  };

  const run = async (id: string, freeSlot: () => void): Promise<void> => {
    const { phase, resource } = parseNodeId(id);
    if (phase === 'read' || phase === 'command') return runLater(ctx, phase, resource, known, failed, options.signal);
    const p = byName.get(resource) as PlannedResource;
    const recorded = ahead.take(id);
    // Cloud Control's request token, for `callback.*` and troubleshoot queries.
    let requestToken: string | undefined;
    const tracked = (o: MutationOptions): MutationOptions => ({
      ...o,
      onAccepted: (token) => {
        requestToken = token;
        o.onAccepted?.(token);
      },
    });
    begin(p);
    try {
      if (phase === 'delete') {
        const region = p.previousRegion ?? p.region;
        const identifier = p.identifier as string;
        const { intent } = await sendUnderIntent(
          ledger,
          intentOf(p, 'delete', { identifier, region }),
          (o) => cloud.deleteResource(p.schema.typeName, region, identifier, tracked(o)),
          { recorded: recorded?.intent },
        );
        applied.push({ kind: 'deleted', resource: p.name });
        known.delete(p.name);
        try {
          if (p.resource) {
            const callback = progressEvent('delete', p.schema.typeName, identifier, requestToken);
            await awaitCallback(ctx, p.resource, known, 'delete', callback, options.signal);
          }
        } finally {
          freeSlot();
          await recordOutcome(p, 'deleted', identifier, async () => {
            await ledger.removeAsync(p.name, intent);
            if (p.renamedFrom !== undefined) await ledger.removeAsync(p.renamedFrom);
          });
        }
        if (p.change.action === 'delete') finish(p, p.identifier);
        else deletedForReplace.add(p.name);
        return;
      }
      const desired = recorded?.desired ?? desiredNow(ctx, p, known);
      if (p.change.action === 'update') {
        const previous = ledger.get(p.name);
        const change = diffResource({
          resource: p.name,
          schema: p.schema,
          region: p.region,
          desired,
          actual: p.actual,
          ...(p.lastApplied ? { lastApplied: p.lastApplied } : {}),
          ...(p.identifier !== undefined ? { identifier: p.identifier } : {}),
        });
        if (change.action === 'replace') {
          throw new DeployError('PlanChanged', `${p.name} now needs a replacement (${change.reason})`, {
            resource: p.name,
            hint: 'a value known only after apply changed a create-only property; run apply again to replace it',
          });
        }
        const identifier = p.identifier as string;
        const patch = change.patch ?? [];
        const { intent, result: state } = patch.length
          ? await sendUnderIntent(ledger, intentOf(p, 'update', { identifier, desired, patch }), (o) =>
              cloud.updateResource(p.schema.typeName, p.region, identifier, patch, tracked(o)),
            )
          : { intent: undefined, result: { identifier, properties: p.actual ?? {} } };
        applied.push({ kind: 'updated', resource: p.name, before: p.actual ?? {}, previous });
        await settleAndRecord(p, state, desired, intent, 'update', requestToken, freeSlot);
        finish(p, identifier);
        return;
      }
      const { intent, result: state } = await sendUnderIntent(
        ledger,
        intentOf(p, 'create', { desired }),
        (o) => cloud.createResource(p.schema.typeName, p.region, desired, tracked(o)),
        { recorded: recorded?.intent },
      );
      // Before recording: a resource that cannot be recorded is still deleted by a rollback.
      applied.push({ kind: 'created', resource: p.name, identifier: state.identifier });
      await settleAndRecord(p, state, desired, intent, 'create', requestToken, freeSlot);
      finish(p, state.identifier);
    } catch (error) {
      if (p.resource) {
        const operation = phase === 'delete' ? 'delete' : p.change.action === 'update' ? 'update' : 'create';
        const callback = progressEvent(operation, p.schema.typeName, p.identifier ?? '', requestToken, 'FAILED');
        await troubleshoot(ctx, p.resource, known, operation, callback);
      }
      const info = errorInfo(error);
      failed.push({ resource: p.name, error: info });
      emit(resourceEvent.failed(subjectOf(p), info, started.get(p.name) ?? Date.now()));
      throw error;
    }
  };

  const graph = buildGraph(operationNodes(planned, laterRuns(ctx, stackPlan)));
  const result = await runGraph(
    graph,
    {
      parallelism: options.parallelism,
      onFailure: options.onFailure === 'continue' ? 'continue' : 'stop',
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.parallelism > 1 ? { prepare: (id: string) => ahead.prepare(id) } : {}),
    },
    // At --parallelism 1 one operation runs at a time, its ledger write included: a write that
    // fails stops the run before anything else is sent, and nothing is recorded ahead.
    options.parallelism > 1 ? run : (id) => run(id, () => undefined),
  );
  await ahead.closeUnused();
  reportSkipped(result, byName, started, emit);
  // A replacement whose create never ran (or failed) leaves its resource deleted: say so, count it.
  for (const name of deletedForReplace) {
    counts.deleted++;
    const p = byName.get(name) as PlannedResource;
    if (failed.some((f) => f.resource === name)) continue;
    emit(resourceEvent.skipped(subjectOf(p, 'create'), 'replacement_not_created'));
  }
  await adoptUnchanged(ctx, planned, known);
  const rolledBack =
    failed.length > 0 && options.onFailure === 'rollback' ? await rollback(ctx, byName, applied) : undefined;

  const interrupted = options.signal?.aborted === true;
  return {
    outcome: failed.length > 0 ? 'failed' : interrupted ? 'interrupted' : 'success',
    failed,
    exports: stackExports(ctx.stack, known),
    summary: {
      ...counts,
      unchanged: planned.filter((p) => p.change.action === 'noop').length,
      failed: failed.length,
      skipped: new Set(result.skipped.map((s) => parseNodeId(s.id).resource)).size,
      ...(rolledBack !== undefined ? { rolledBack } : {}),
    },
  };
}

function reportSkipped(
  result: ScheduleResult,
  byName: ReadonlyMap<string, PlannedResource>,
  started: ReadonlyMap<string, number>,
  emit: (event: EngineEvent) => void,
): void {
  const seen = new Set<string>();
  for (const { id, reason } of result.skipped) {
    const { resource } = parseNodeId(id);
    if (seen.has(resource) || started.has(resource)) continue;
    seen.add(resource);
    const p = byName.get(resource); // undefined for a query or command run during apply
    const codes = { 'dependency-failed': 'dependency_failed', stopped: 'stopped', interrupted: 'interrupted' } as const;
    emit(resourceEvent.skipped(p ? subjectOf(p) : { resource, resourceType: 'query', action: 'noop' }, codes[reason]));
  }
}
