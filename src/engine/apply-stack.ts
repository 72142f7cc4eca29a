/**
 * Applies a plan: runs the operation graph with bounded parallelism, re-renders each resource
 * once the resources it uses exist (so "known after apply" values become real), writes the
 * ledger after every completed operation, and reports every step as an event.
 */
import { createHash } from 'node:crypto';
import type { ResourceState } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import { errorInfo, eventTime, type EngineEvent, type ErrorInfo, type RunSummary } from '../events/index.js';
import { rollback, type Applied } from './rollback.js';
import { buildGraph, runGraph, type ScheduleResult } from '../graph/index.js';
import { diffResource } from '../plan/index.js';
import { ledgerEntry } from '../state/index.js';
import { containsUnknown, unknownPaths } from '../template/index.js';
import { snakeColumns } from '../stack/index.js';
import { operationNodes, parseNodeId } from './operations.js';
import {
  renderForPlan,
  type ApplyContext,
  type PlanContext,
  type PlannedResource,
  type StackPlan,
} from './plan-context.js';

export type FailureMode = 'stop' | 'continue' | 'rollback';

export interface ApplyOptions {
  parallelism: number;
  onFailure: FailureMode;
  signal?: AbortSignal;
  /** Seed of the idempotency tokens: the same plan retried sends the same tokens. */
  tokenSeed: string;
}

export interface ApplyOutcome {
  summary: RunSummary;
  outcome: 'success' | 'failed' | 'interrupted';
  failed: { resource: string; error: ErrorInfo }[];
}

/** The exports a ledger entry records: the resource's export names with their values. */
function exportedValues(planned: PlannedResource, properties: Record<string, unknown>): Record<string, unknown> {
  const columns = snakeColumns(properties);
  const out: Record<string, unknown> = {};
  for (const e of planned.resource?.def.exports ?? [])
    if (columns[e.column] !== undefined) out[e.alias] = columns[e.column];
  return out;
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

  const token = (id: string): string => createHash('sha256').update(`${options.tokenSeed}\0${id}`).digest('hex');
  const begin = (p: PlannedResource): void => {
    if (started.has(p.name)) return;
    started.set(p.name, Date.now());
    emit({
      type: 'resource_started',
      time: eventTime(),
      resource: p.name,
      resourceType: p.schema.typeName,
      action: p.change.action,
    });
  };
  const finish = (p: PlannedResource, identifier: string | undefined): void => {
    const action = p.change.action;
    if (action === 'create') counts.created++;
    else if (action === 'update') counts.updated++;
    else if (action === 'replace') {
      counts.replaced++;
      deletedForReplace.delete(p.name);
    } else if (action === 'delete') counts.deleted++;
    emit({
      type: 'resource_finished',
      time: eventTime(),
      resource: p.name,
      resourceType: p.schema.typeName,
      action,
      ...(identifier !== undefined ? { identifier } : {}),
      durationMs: Date.now() - (started.get(p.name) ?? Date.now()),
    });
  };
  const record = (p: PlannedResource, state: ResourceState, desired: Record<string, unknown>): void => {
    ledger.put(
      ledgerEntry({
        resource: p.name,
        type: p.schema.typeName,
        region: p.region,
        identifier: state.identifier,
        dependsOn: p.dependsOn,
        exports: exportedValues(p, state.properties),
        desired,
      }),
    );
    if (p.renamedFrom !== undefined) ledger.remove(p.renamedFrom);
    known.set(p.name, state.properties);
  };

  const run = async (id: string): Promise<void> => {
    const { phase, resource } = parseNodeId(id);
    const p = byName.get(resource) as PlannedResource;
    begin(p);
    try {
      if (phase === 'delete') {
        await cloud.deleteResource(p.schema.typeName, p.previousRegion ?? p.region, p.identifier as string, {
          clientToken: token(id),
        });
        ledger.remove(p.name);
        if (p.renamedFrom !== undefined) ledger.remove(p.renamedFrom);
        known.delete(p.name);
        applied.push({ kind: 'deleted', resource: p.name });
        if (p.change.action === 'delete') finish(p, p.identifier);
        else deletedForReplace.add(p.name);
        return;
      }
      const desired = desiredNow(ctx, p, known);
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
        const state = change.patch?.length
          ? await cloud.updateResource(p.schema.typeName, p.region, identifier, change.patch, {
              clientToken: token(id),
            })
          : { identifier, properties: p.actual ?? {} };
        record(p, state, desired);
        applied.push({ kind: 'updated', resource: p.name, before: p.actual ?? {}, previous });
        finish(p, identifier);
        return;
      }
      const state = await cloud.createResource(p.schema.typeName, p.region, desired, { clientToken: token(id) });
      record(p, state, desired);
      applied.push({ kind: 'created', resource: p.name, identifier: state.identifier });
      finish(p, state.identifier);
    } catch (error) {
      const info = errorInfo(error);
      failed.push({ resource: p.name, error: info });
      emit({
        type: 'resource_failed',
        time: eventTime(),
        resource: p.name,
        resourceType: p.schema.typeName,
        action: p.change.action,
        error: { ...info, resource: p.name },
        durationMs: Date.now() - (started.get(p.name) ?? Date.now()),
      });
      throw error;
    }
  };

  const graph = buildGraph(operationNodes(planned));
  const result = await runGraph(
    graph,
    {
      parallelism: options.parallelism,
      onFailure: options.onFailure === 'continue' ? 'continue' : 'stop',
      ...(options.signal ? { signal: options.signal } : {}),
    },
    run,
  );
  reportSkipped(result, byName, started, emit);
  // A replacement whose create never ran (or failed) leaves its resource deleted: say so, count it.
  for (const name of deletedForReplace) {
    counts.deleted++;
    const p = byName.get(name) as PlannedResource;
    if (failed.some((f) => f.resource === name)) continue;
    emit({
      type: 'resource_skipped',
      time: eventTime(),
      resource: name,
      resourceType: p.schema.typeName,
      action: 'create',
      reason: 'replacement_not_created',
    });
  }
  adoptUnchanged(ctx, planned);
  const rolledBack =
    failed.length > 0 && options.onFailure === 'rollback' ? await rollback(ctx, byName, applied, token) : undefined;

  const interrupted = options.signal?.aborted === true;
  return {
    outcome: failed.length > 0 ? 'failed' : interrupted ? 'interrupted' : 'success',
    failed,
    summary: {
      ...counts,
      unchanged: planned.filter((p) => p.change.action === 'noop').length,
      failed: failed.length,
      skipped: new Set(result.skipped.map((s) => parseNodeId(s.id).resource)).size,
      ...(rolledBack !== undefined ? { rolledBack } : {}),
    },
  };
}

/** Renders the resource again with what its producers really exported; nothing may stay unknown. */
function desiredNow(
  ctx: PlanContext,
  p: PlannedResource,
  known: ReadonlyMap<string, Record<string, unknown>>,
): Record<string, unknown> {
  if (!p.resource) throw new DeployError('InternalError', `no manifest entry to create ${p.name} from`);
  const { rendered } = renderForPlan(ctx, p.resource, known);
  const desired = rendered.create?.desiredState ?? {};
  if (containsUnknown(desired)) {
    const paths = unknownPaths(JSON.stringify(desired));
    throw new DeployError('UnresolvedValue', `values still unknown after their producers ran: ${paths.join(', ')}`, {
      resource: p.name,
      hint: 'the referenced resource does not export that column; check the name in the template and its exports',
    });
  }
  return desired;
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
    const p = byName.get(resource) as PlannedResource;
    const codes = { 'dependency-failed': 'dependency_failed', stopped: 'stopped', interrupted: 'interrupted' } as const;
    emit({
      type: 'resource_skipped',
      time: eventTime(),
      resource,
      resourceType: p.schema.typeName,
      action: p.change.action,
      reason: codes[reason],
    });
  }
}

/**
 * Unchanged resources found by query or identifier (deployed by another tool, or a lost
 * ledger) are recorded, so the next run reads them directly; known ones are refreshed.
 */
function adoptUnchanged(ctx: ApplyContext, planned: PlannedResource[]): void {
  for (const p of planned) {
    if (p.change.action !== 'noop' || !p.actual || p.identifier === undefined || !p.desired) continue;
    // What the stack asked for, never the whole read: service-set values must not become
    // "removed" properties in the next plan.
    const entry = ledgerEntry({
      resource: p.name,
      type: p.schema.typeName,
      region: p.region,
      identifier: p.identifier,
      dependsOn: p.dependsOn,
      exports: exportedValues(p, p.actual),
      desired: p.desired,
    });
    const current = ctx.ledger.get(p.name);
    if (
      !current ||
      current.desiredHash !== entry.desiredHash ||
      JSON.stringify(current.exports) !== JSON.stringify(entry.exports)
    ) {
      ctx.ledger.put(entry);
    }
    if (p.renamedFrom !== undefined) ctx.ledger.remove(p.renamedFrom);
  }
}
