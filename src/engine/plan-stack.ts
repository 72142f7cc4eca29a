/**
 * Plans a stack against what exists. Resources are visited in dependency order so each is
 * rendered with the real exports of the resources it uses when they exist, and with unknown
 * values ("known after apply") when they are yet to be created or replaced.
 */
import type { CloudControlPort } from '../cloud/index.js';
import { DeployError, DeployErrors } from '../errors/index.js';
import { buildGraph, topologicalOrder } from '../graph/index.js';
import { buildPlan, diffResource, type Plan, type ResourceChange } from '../plan/index.js';
import type { SchemaRegistry, TypeSchema } from '../schema/index.js';
import type { Ledger, LedgerEntry } from '../state/index.js';
import { exportsContext } from './context.js';
import { conditionHolds } from './condition.js';
import { locate } from './identity.js';
import { assertSupportedType, readQuery } from './query-resource.js';
import { renderTyped, type RenderedResource } from './render.js';
import { withResource, type Stack, type StackResource } from './stack.js';

/** What the engine keeps per resource between planning and applying. */
export interface PlannedResource {
  name: string;
  /** Absent for a resource only the ledger knows (removed from the manifest). */
  resource?: StackResource;
  schema: TypeSchema;
  region: string;
  identifier?: string;
  actual?: Record<string, unknown>;
  lastApplied?: Record<string, unknown>;
  change: ResourceChange;
  dependsOn: string[];
}

export interface StackPlan {
  plan: Plan;
  resources: Map<string, PlannedResource>;
  /** Exports known at plan time (existing resources that stay). */
  known: Map<string, Record<string, unknown>>;
}

export interface PlanContext {
  stack: Stack;
  registry: SchemaRegistry;
  cloud: CloudControlPort;
  ledger: Ledger;
  now: Date;
}

/** Manifest resources in dependency order (manifest order breaks ties); a cycle is an error. */
export function orderedResources(stack: Stack): StackResource[] {
  const graph = buildGraph(stack.resources.map((r) => ({ id: r.def.name, dependsOn: r.dependsOn })));
  const byName = new Map(stack.resources.map((r) => [r.def.name, r]));
  return topologicalOrder(graph).map((name) => byName.get(name) as StackResource);
}

/** Renders with the exports known so far; template or parse problems stop the plan. */
export function renderForPlan(
  ctx: PlanContext,
  resource: StackResource,
  known: ReadonlyMap<string, Record<string, unknown>>,
): { rendered: RenderedResource; schema: TypeSchema } {
  const base = { ...ctx.stack.context, ...exportsContext(ctx.stack.manifest, known) };
  const { rendered, schema } = renderTyped({ stack: ctx.stack, resource, registry: ctx.registry, base });
  if (rendered.problems.length > 0) throw aggregate(rendered.problems);
  if (!schema) {
    throw new DeployError('MissingCreate', `resource '${resource.def.name}' has no create statement to plan from`, {
      file: resource.file,
      resource: resource.def.name,
      hint: 'add a /*+ create */ block; run `deploy validate` to see every problem',
    });
  }
  return { rendered, schema };
}

export function aggregate(problems: DeployError[]): DeployError {
  return problems.length === 1 ? (problems[0] as DeployError) : new DeployErrors(problems);
}

export async function planStack(ctx: PlanContext, mode: 'apply' | 'teardown'): Promise<StackPlan> {
  const { stack, ledger } = ctx;
  if (stack.problems.length > 0) throw aggregate(stack.problems);
  const known = new Map<string, Record<string, unknown>>();
  const resources = new Map<string, PlannedResource>();
  const changes: ResourceChange[] = [];

  for (const resource of orderedResources(stack)) {
    assertSupportedType(stack, resource);
    const name = resource.def.name;
    if (resource.def.type === 'query') {
      const base = { ...stack.context, ...exportsContext(stack.manifest, known) };
      const { rendered } = renderTyped({ stack, resource, registry: ctx.registry, base });
      if (rendered.problems.length > 0) throw aggregate(rendered.problems);
      const row = await readQuery(ctx.cloud, ctx.registry, resource, rendered, mode === 'apply');
      if (row) known.set(name, row);
      continue;
    }
    const entry = ledger.get(name);
    const { rendered, schema } = renderForPlan(ctx, resource, known);
    const region = rendered.create?.region ?? entry?.region ?? 'us-east-1';
    const wanted = mode === 'apply' && conditionHolds(ctx, resource, known);
    const desired = wanted ? rendered.create?.desiredState : undefined;
    // Without a ledger entry, a resource the stack does not want is left alone: finding one
    // by query would make a delete of something this engine never created.
    const lookup = rendered.exists ?? rendered.exports;
    const found =
      !desired && !entry && mode === 'apply'
        ? { via: 'none' as const }
        : await locate(ctx.cloud, {
            resource: name,
            schema,
            region,
            ...(entry ? { ledgerIdentifier: entry.identifier } : {}),
            ...(lookup ? { lookup } : {}),
            ...(desired ? { desired } : {}),
          }).catch((error: unknown) => {
            // Say which resource's read failed: the cloud's message names only the type.
            throw withResource(error, name);
          });
    const actual = found.state?.properties;
    const change = diffResource({
      resource: name,
      schema,
      region,
      desired,
      actual,
      ...(entry ? { lastApplied: entry.desired } : {}),
      ...(found.state ? { identifier: found.state.identifier } : {}),
      dependsOn: resource.dependsOn,
      sensitive: resource.def.protected,
      removedReason: mode === 'teardown' ? 'teardown' : 'condition `if` is false',
    });
    if (found.via === 'ledger' && !found.state && change.action === 'create') {
      change.reason = 'deleted outside the engine';
      change.drift = true;
    }
    if (found.state && (change.action === 'noop' || change.action === 'update')) {
      known.set(name, { ...found.state.properties, ...(desired ?? {}) });
    }
    resources.set(name, {
      name,
      resource,
      schema,
      region,
      ...(found.state ? { identifier: found.state.identifier, actual: found.state.properties } : {}),
      ...(entry ? { lastApplied: entry.desired } : {}),
      change,
      // Ledger edges to resources gone from the manifest order their deletes after this one.
      dependsOn: [
        ...resource.dependsOn,
        ...(entry?.dependsOn ?? []).filter((d) => !stack.resources.some((r) => r.def.name === d)),
      ],
    });
    changes.push(change);
  }

  // Resources the ledger holds but the manifest no longer does: delete them (after their users).
  for (const entry of ledger.entries()) {
    if (resources.has(entry.resource)) continue;
    const planned = await planRemoved(ctx, entry, mode);
    resources.set(entry.resource, planned);
    changes.push(planned.change);
  }
  return { plan: buildPlan(stack.name, stack.env, ctx.now.toISOString(), changes), resources, known };
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
