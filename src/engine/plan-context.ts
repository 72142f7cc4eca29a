/**
 * What planning shares with planning one resource and with applying: the context a plan is made
 * in, what it keeps per resource, and rendering with the exports known so far.
 */
import type { CloudControlPort } from '../cloud/index.js';
import { DeployError, DeployErrors } from '../errors/index.js';
import type { EventSink, Subject } from '../events/index.js';
import { buildGraph, topologicalOrder } from '../graph/index.js';
import type { ChangeAction, Plan, ResourceChange } from '../plan/index.js';
import type { SchemaRegistry, TypeSchema } from '../schema/index.js';
import type { Ledger } from '../state/index.js';
import { renderWith, type RenderedResource, type Stack, type StackResource } from '../stack/index.js';

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

export interface ApplyContext extends PlanContext {
  sink: EventSink;
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
  const { rendered, schema } = renderWith(ctx.stack, resource, ctx.registry, known);
  DeployErrors.throwIfAny(rendered.problems);
  if (!schema) {
    throw new DeployError('MissingCreate', `resource '${resource.def.name}' has no create statement to plan from`, {
      file: resource.file,
      resource: resource.def.name,
      hint: 'add a /*+ create */ block; run `deploy validate` to see every problem',
    });
  }
  return { rendered, schema };
}

/** Who an event is about: the resource, its type, and what is being done to it. */
export function subjectOf(p: PlannedResource, action: ChangeAction = p.change.action): Subject {
  return { resource: p.name, resourceType: p.schema.typeName, action };
}
