/**
 * Plans a stack against what exists. Each resource is planned once the resources it uses are,
 * so it is rendered with their real exports when they exist, and with unknown values ("known
 * after apply") when they are yet to be created or replaced. Independent resources are planned
 * at once, their reads bounded by `parallelism` (PlanReads); the plan lists them in dependency
 * order whatever order the reads finish in, and fails with the error of the first resource in
 * that order that fails, as a plan made one resource after another would.
 */
import { DeployErrors } from '../errors/index.js';
import { buildGraph, runGraph } from '../graph/index.js';
import { buildPlan, diffResource, type ResourceChange } from '../plan/index.js';
import type { LedgerEntry } from '../state/index.js';
import {
  assertSupportedType,
  collectSecrets,
  renderWith,
  sensitiveProperties,
  type StackResource,
} from '../stack/index.js';
import { orderedResources, type PlanContext, type PlannedResource, type StackPlan } from './plan-context.js';
import { PlanReads } from './plan-reads.js';
import { identityKey, planResource, type PlanSoFar } from './plan-resource.js';
import { readQuery } from './query-resource.js';

export async function planStack(ctx: PlanContext, mode: 'apply' | 'teardown', parallelism: number): Promise<StackPlan> {
  const { stack, ledger } = ctx;
  DeployErrors.throwIfAny(stack.problems);
  const entries = ledger.entries();
  const reads = new PlanReads(ctx.cloud, parallelism);
  const planning: PlanContext = { ...ctx, cloud: reads };
  try {
    reads.prefetch(entries);
    const known = new Map<string, Record<string, unknown>>();
    const owners = new Map(entries.map((e) => [identityKey(e.type, e.region, e.identifier), e.resource]));
    const names = new Set(stack.resources.map((r) => r.def.name));
    const so: PlanSoFar = { mode, known, excluded: new Set(), owners, names };
    const byName = new Map(entries.map((e) => [e.resource, e]));

    const order = orderedResources(stack);
    const position = new Map(order.map((r, i) => [r.def.name, i]));
    const planned = new Map<string, PlannedResource>();
    let firstFailure = Infinity;
    const plan = async (name: string): Promise<void> => {
      const resource = order[position.get(name) as number] as StackResource;
      assertSupportedType(stack, resource);
      if (resource.def.type === 'query') {
        const { rendered } = renderWith(stack, resource, ctx.registry, known);
        DeployErrors.throwIfAny(rendered.problems);
        const row = await readQuery(reads, ctx.registry, resource, rendered, mode === 'apply');
        if (row) known.set(name, row);
        return;
      }
      // Rendering waits for the read already under way, so the work follows the answers.
      const entry = byName.get(name);
      if (entry) await reads.settled(entry);
      planned.set(name, await planResource(planning, resource, so));
    };
    const result = await runGraph(
      buildGraph(order.map((r) => ({ id: r.def.name, dependsOn: r.dependsOn }))),
      {
        parallelism: Infinity,
        onFailure: 'continue',
        // After a failure, only what comes before it in the order still matters.
        gate: (name) => (position.get(name) as number) < firstFailure,
      },
      (name) =>
        plan(name).catch((error: unknown) => {
          firstFailure = Math.min(firstFailure, position.get(name) as number);
          throw error;
        }),
    );
    const failure = result.failed.sort((a, b) => (position.get(a.id) as number) - (position.get(b.id) as number))[0];
    if (failure) throw failure.error;

    const resources = new Map<string, PlannedResource>();
    const changes: ResourceChange[] = [];
    for (const resource of order) {
      const p = planned.get(resource.def.name);
      if (!p) continue;
      resources.set(p.name, p);
      changes.push(p.change);
    }
    // Resources the ledger holds but the manifest no longer does: delete them (after their users).
    const renamed = new Set([...resources.values()].map((p) => p.renamedFrom));
    const removed = entries.filter((e) => !resources.has(e.resource) && !renamed.has(e.resource));
    for (const p of await Promise.all(removed.map((e) => planRemoved(planning, e, mode)))) {
      resources.set(p.name, p);
      changes.push(p.change);
    }
    return { plan: buildPlan(stack.name, stack.env, ctx.now.toISOString(), changes), resources, known };
  } finally {
    reads.close();
  }
}

async function planRemoved(ctx: PlanContext, entry: LedgerEntry, mode: 'apply' | 'teardown'): Promise<PlannedResource> {
  const schema = ctx.registry.resolve(entry.type);
  const state = await ctx.cloud.getResource(entry.type, entry.region, entry.identifier);
  const sources = { actual: state?.properties, lastApplied: entry.desired };
  collectSecrets(ctx.stack.secrets, undefined, schema, sources);
  const change = diffResource({
    resource: entry.resource,
    schema,
    region: entry.region,
    desired: undefined,
    actual: state?.properties,
    lastApplied: entry.desired,
    identifier: entry.identifier,
    dependsOn: entry.dependsOn,
    sensitive: sensitiveProperties(undefined, schema),
    removedReason: mode === 'teardown' ? 'teardown' : 'removed from manifest',
  });
  return {
    name: entry.resource,
    schema,
    region: entry.region,
    identifier: entry.identifier,
    ...(state ? { actual: state.properties } : {}),
    lastApplied: entry.desired,
    change,
    dependsOn: entry.dependsOn,
  };
}
