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
import { templateBase } from './context.js';
import { identityKey, planResource, type PlanSoFar } from './plan-resource.js';
import { assertSupportedType, readQuery } from './query-resource.js';
import { renderTyped, type RenderedResource } from './render.js';
import type { Stack, StackResource } from './stack.js';

/** What the engine keeps per resource between planning and applying. */
export interface PlannedResource {
  name: string;
  /** Absent for a resource only the ledger knows (removed from the manifest). */
  resource?: StackResource;
  schema: TypeSchema;
  region: string;
  /** Where the resource lives now, when the manifest moved it to `region` (a replace). */
  previousRegion?: string;
  /** The ledger name this resource had before a rename; that entry is taken over. */
  renamedFrom?: string;
  /** The desired state rendered at plan time (may hold unknowns). */
  desired?: Record<string, unknown>;
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
  const base = templateBase(ctx.stack, known);
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
  const owners = new Map(ledger.entries().map((e) => [identityKey(e.type, e.region, e.identifier), e.resource]));
  const so: PlanSoFar = { mode, known, excluded: new Set(), owners };

  for (const resource of orderedResources(stack)) {
    assertSupportedType(stack, resource);
    const name = resource.def.name;
    if (resource.def.type === 'query') {
      const base = templateBase(stack, known);
      const { rendered } = renderTyped({ stack, resource, registry: ctx.registry, base });
      if (rendered.problems.length > 0) throw aggregate(rendered.problems);
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
