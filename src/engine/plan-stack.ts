/**
 * Plans a stack against what exists. Resources are visited in dependency order so each is
 * rendered with the real exports of the resources it uses when they exist, and with unknown
 * values ("known after apply") when they are yet to be created or replaced.
 */
import { DeployErrors } from '../errors/index.js';
import { buildPlan, diffResource, type ResourceChange } from '../plan/index.js';
import type { LedgerEntry } from '../state/index.js';
import { assertSupportedType } from '../stack/index.js';
import { orderedResources, type PlanContext, type PlannedResource, type StackPlan } from './plan-context.js';
import { identityKey, planResource, type PlanSoFar } from './plan-resource.js';
import { changingSources, LATER, readQuery } from './query-resource.js';

export async function planStack(ctx: PlanContext, mode: 'apply' | 'teardown'): Promise<StackPlan> {
  const { stack, ledger } = ctx;
  DeployErrors.throwIfAny(stack.problems);
  const known = new Map<string, Record<string, unknown>>();
  const resources = new Map<string, PlannedResource>();
  const changes: ResourceChange[] = [];
  const owners = new Map(ledger.entries().map((e) => [identityKey(e.type, e.region, e.identifier), e.resource]));
  const so: PlanSoFar = { mode, known, excluded: new Set(), owners };
  const later: { name: string; after: string[] }[] = [];
  const commands: string[] = [];

  for (const resource of orderedResources(stack)) {
    assertSupportedType(stack, resource);
    const name = resource.def.name;
    if (resource.def.type === 'command') {
      if (mode === 'apply') commands.push(name);
      continue;
    }
    if (resource.def.type === 'query' || resource.def.type === 'script') {
      // Teardown reads nothing it would have to wait for: what uses it is being deleted.
      const after = mode === 'apply' ? changingSources(ctx, resource, known, resources.values()) : [];
      const row =
        after.length > 0 ? LATER : await readQuery(ctx, resource, known, { required: mode === 'apply', retry: false });
      if (row === LATER) {
        if (mode === 'apply') later.push({ name, after });
      } else if (row) known.set(name, row);
      continue;
    }
    const planned = await planResource(ctx, resource, so);
    resources.set(name, planned);
    changes.push(planned.change);
  }

  // Resources the ledger holds but the manifest no longer does: delete them (after their users).
  const renamed = new Set([...resources.values()].map((p) => p.renamedFrom));
  for (const entry of ledger.entries()) {
    if (resources.has(entry.resource) || renamed.has(entry.resource)) continue;
    const planned = await planRemoved(ctx, entry, mode);
    resources.set(entry.resource, planned);
    changes.push(planned.change);
  }
  return { plan: buildPlan(stack.name, stack.env, ctx.now.toISOString(), changes), resources, known, later, commands };
}

async function planRemoved(ctx: PlanContext, entry: LedgerEntry, mode: 'apply' | 'teardown'): Promise<PlannedResource> {
  const schema = ctx.registry.resolve(entry.type);
  const state = await ctx.cloud.getResource(entry.type, entry.region, entry.identifier);
  const change = diffResource({
    resource: entry.resource,
    schema,
    region: entry.region,
    desired: undefined,
    actual: state?.properties,
    lastApplied: entry.desired,
    identifier: entry.identifier,
    dependsOn: entry.dependsOn,
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
