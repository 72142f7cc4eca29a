/**
 * Plans a stack against what exists. Resources are visited in dependency order so each is
 * rendered with the real exports of the resources it uses when they exist, and with unknown
 * values ("known after apply") when they are yet to be created or replaced.
 */
import { DeployErrors } from '../errors/index.js';
import { buildPlan, diffResource, type ResourceChange } from '../plan/index.js';
import type { LedgerEntry } from '../state/index.js';
import { assertSupportedType, collectSecrets, renderTyped, sensitiveProperties, templateBase } from '../stack/index.js';
import { orderedResources, type PlanContext, type PlannedResource, type StackPlan } from './plan-context.js';
import { identityKey, planResource, type PlanSoFar } from './plan-resource.js';
import { readQuery } from './query-resource.js';

export async function planStack(ctx: PlanContext, mode: 'apply' | 'teardown'): Promise<StackPlan> {
  const { stack, ledger } = ctx;
  DeployErrors.throwIfAny(stack.problems);
  const known = new Map<string, Record<string, unknown>>();
  const resources = new Map<string, PlannedResource>();
  const changes: ResourceChange[] = [];
  const owners = new Map(ledger.entries().map((e) => [identityKey(e.type, e.region, e.identifier), e.resource]));
  const so: PlanSoFar = { mode, known, excluded: new Set(), owners };

  for (const resource of orderedResources(stack)) {
    assertSupportedType(stack, resource);
    const name = resource.def.name;
    if (resource.def.type === 'query') {
      const base = templateBase(stack, known);
      const { rendered } = renderTyped({ stack, resource, registry: ctx.registry, base });
      DeployErrors.throwIfAny(rendered.problems);
      const row = await readQuery(ctx.cloud, ctx.registry, resource, rendered, mode === 'apply');
      if (row) known.set(name, row);
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
  return { plan: buildPlan(stack.name, stack.env, ctx.now.toISOString(), changes), resources, known };
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
