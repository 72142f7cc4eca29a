/**
 * Plans a stack against what exists. Each resource is planned once the resources it uses are,
 * so it is rendered with their real exports when they exist, and with unknown values ("known
 * after apply") when they are yet to be created or replaced. Independent resources are planned
 * at once, their reads bounded by `parallelism` (PlanReads); the plan lists them in dependency
 * order whatever order the reads finish in, and fails with the error of the first resource in
 * that order that fails, as a plan made one resource after another would.
 *
 * Query and script resources are read here when all they use is known and nothing of the
 * types they read changes in this run; otherwise during apply. Command resources run during apply.
 */
import { DeployErrors } from '../errors/index.js';
import { buildGraph, runGraph } from '../graph/index.js';
import { buildPlan, diffResource, type ResourceChange } from '../plan/index.js';
import type { LedgerEntry } from '../state/index.js';
import { assertSupportedType, collectSecrets, sensitiveProperties, type StackResource } from '../stack/index.js';
import { orderedResources, type PlanContext, type PlannedResource, type StackPlan } from './plan-context.js';
import { PlanReads } from './plan-reads.js';
import { identityKey, planResource, type PlanSoFar } from './plan-resource.js';
import { changingSources, LATER, readQuery } from './query-resource.js';

export async function planStack(ctx: PlanContext, mode: 'apply' | 'teardown', parallelism: number): Promise<StackPlan> {
  const { stack, ledger } = ctx;
  DeployErrors.throwIfAny(stack.problems);
  const entries = ledger.entries();
  const reads = new PlanReads(ctx.cloud, parallelism);
  const planning: PlanContext = { ...ctx, cloud: reads, sql: ctx.sql.using(reads) };
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
    const later: { name: string; after: string[] }[] = [];
    const commands: string[] = [];
    let firstFailure = Infinity;
    // Settled (and replaced) at every failure, so the resources after the earliest failure so far
    // stop waiting for reads whose answers no longer matter: with an unreachable endpoint every
    // read retries for seconds, and a 300-resource plan took 184 s to fail, reading all of them.
    let failure = awaitedEvent();
    const plan = async (name: string): Promise<void> => {
      const resource = order[position.get(name) as number] as StackResource;
      assertSupportedType(stack, resource);
      if (resource.def.type === 'command') {
        if (mode === 'apply') commands.push(name);
        return;
      }
      if (resource.def.type === 'query' || resource.def.type === 'script') {
        // Teardown reads nothing it would have to wait for: what uses it is being deleted.
        const after = mode === 'apply' ? changingSources(planning, resource, known, planned.values()) : [];
        const row = after.length
          ? LATER
          : await readQuery(planning, resource, known, { required: mode === 'apply', retry: false });
        if (row !== LATER) {
          if (row) known.set(name, row);
        } else if (mode === 'apply') later.push({ name, after });
        return;
      }
      // Rendering waits for the read already under way, so the work follows the answers.
      const entry = byName.get(name);
      if (entry) {
        const read = reads.settled(entry).then(() => true);
        while (!(await Promise.race([read, failure.promise]))) {
          if ((position.get(name) as number) > firstFailure) return;
        }
      }
      planned.set(name, await planResource(planning, resource, so));
    };
    const result = await runGraph(
      buildGraph(order.map((r) => ({ id: r.def.name, dependsOn: planningDeps(stack.resources, r) }))),
      {
        parallelism: Infinity,
        onFailure: 'continue',
        // After a failure, only what comes before it in the order still matters.
        gate: (name) => (position.get(name) as number) < firstFailure,
      },
      (name) =>
        plan(name).catch((error: unknown) => {
          firstFailure = Math.min(firstFailure, position.get(name) as number);
          const seen = failure;
          failure = awaitedEvent();
          seen.fire();
          throw error;
        }),
    );
    const first = result.failed.sort((a, b) => (position.get(a.id) as number) - (position.get(b.id) as number))[0];
    if (first) throw first.error;

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
    const inOrder = (a: { name: string }, b: { name: string }): number =>
      (position.get(a.name) as number) - (position.get(b.name) as number);
    return {
      plan: buildPlan(stack.name, stack.env, ctx.now.toISOString(), changes),
      resources,
      known,
      later: later.sort(inOrder),
      commands: commands.sort((a, b) => (position.get(a) as number) - (position.get(b) as number)),
    };
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

/**
 * What a resource is planned after: what it depends on, and for a query resource every
 * resource before it in the manifest too, which it may read (as stackql-deploy reads in
 * manifest order); `changingSources` then sees them planned.
 */
function planningDeps(resources: StackResource[], resource: StackResource): string[] {
  if (resource.def.type !== 'query') return resource.dependsOn;
  // Not those that use it, directly or through others: that would be a cycle.
  const users = new Set([resource.def.name]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of resources) {
      if (users.has(r.def.name) || !r.dependsOn.some((d) => users.has(d))) continue;
      users.add(r.def.name);
      grew = true;
    }
  }
  const before = resources.slice(0, resources.indexOf(resource)).map((r) => r.def.name);
  return [...new Set([...resource.dependsOn, ...before.filter((n) => !users.has(n))])];
}

/** A promise that resolves (to false) when `fire` is called. */
function awaitedEvent(): { promise: Promise<false>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<false>((resolve) => (fire = () => resolve(false)));
  return { promise, fire };
}
