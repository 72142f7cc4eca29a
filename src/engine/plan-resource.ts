/**
 * Planning one manifest resource: render it with what is known, find it, diff it, and guard the
 * cases where a naive plan would lose something: a rename (the new name finds the resource the
 * old name recorded), a region or type change, a dependency excluded by its `if`, and a resource
 * the stack never deployed (never deleted).
 */
import { DeployError } from '../errors/index.js';
import { diffResource } from '../plan/index.js';
import { assertProvisionable } from '../schema/index.js';
import {
  collectSecrets,
  conditionHolds,
  EXCLUDED,
  missingProducers,
  resourceColumns,
  sensitiveProperties,
  withResource,
  type StackResource,
} from '../stack/index.js';
import { locate } from './identity.js';
import { readExports, thisFields } from './read-exports.js';
import { renderForPlan, type PlanContext, type PlannedResource } from './plan-context.js';

/** What planning the resources before this one has learnt. */
export interface PlanSoFar {
  mode: 'apply' | 'teardown';
  /** Exports of existing resources that stay. */
  known: Map<string, Record<string, unknown>>;
  /** Resources whose `if` is false in this environment. */
  excluded: Set<string>;
  /** Ledger entry name by `type region identifier`, to recognise a rename. */
  owners: ReadonlyMap<string, string>;
  /** The names of the manifest's resources. */
  names: ReadonlySet<string>;
}

export function identityKey(type: string, region: string, identifier: string): string {
  return `${type} ${region} ${identifier}`;
}

export async function planResource(ctx: PlanContext, resource: StackResource, so: PlanSoFar): Promise<PlannedResource> {
  const { stack, ledger } = ctx;
  const name = resource.def.name;
  const entry = ledger.get(name);
  const { rendered, schema } = renderForPlan(ctx, resource, so.known);
  if (entry && entry.type !== schema.typeName) {
    throw new DeployError('TypeChanged', `'${name}' was deployed as ${entry.type} and is now ${schema.typeName}`, {
      resource: name,
      file: resource.file,
      hint: 'give the new resource another name: the old one is then deleted as removed from the manifest',
    });
  }
  const region = rendered.create?.region ?? entry?.region ?? 'us-east-1';
  const wanted = so.mode === 'apply' && conditionHolds(ctx, resource, so.known);
  if (so.mode === 'apply' && !wanted) {
    so.excluded.add(name);
    so.known.set(name, EXCLUDED);
  }
  const blocked = wanted ? missingProducers(resource, so.excluded) : [];
  if (blocked.length > 0) {
    throw new DeployError(
      'ExcludedDependency',
      `'${name}' uses ${blocked.join(', ')}, whose \`if\` is false for ${stack.env}`,
      {
        resource: name,
        hint: `give '${name}' the same \`if\`, or stop referring to ${blocked.join(', ')}`,
      },
    );
  }
  const desired = wanted ? rendered.create?.desiredState : undefined;
  // Before any read: a type Cloud Control cannot create fails the plan, not the apply.
  if (desired)
    assertProvisionable(schema, { file: resource.file, line: resource.blocks.create?.bodyLine, resource: name });

  // Only what this stack deployed is ever deleted: without a ledger entry, a resource the stack
  // does not want is left alone rather than found by query and removed.
  const lookup = rendered.queries.exists ?? rendered.queries.exports;
  const found =
    !desired && !entry
      ? { via: 'none' as const }
      : await locate(ctx, {
          resource: name,
          schema,
          region: entry?.region ?? region,
          ...(entry ? { ledgerIdentifier: entry.identifier } : {}),
          ...(lookup ? { lookup } : {}),
          ...(desired ? { desired } : {}),
        }).catch((error: unknown) => {
          // Say which resource's read failed: the cloud's message names only the type.
          throw withResource(error, name);
        });

  // A resource without an entry that finds one another entry recorded was renamed: it takes
  // that entry over, so the old name's "removed from manifest" does not delete it.
  const owner =
    !entry && found.state ? so.owners.get(identityKey(schema.typeName, region, found.state.identifier)) : undefined;
  if (owner !== undefined && so.names.has(owner)) {
    throw new DeployError(
      'SharedIdentity',
      `'${name}' and '${owner}' both resolve to ${schema.typeName} ${found.state?.identifier}`,
      {
        resource: name,
        hint: `make the exists query (or the identifying properties) of '${name}' select a different resource`,
      },
    );
  }
  const lastApplied = entry?.desired ?? (owner !== undefined ? ledger.get(owner)?.desired : undefined);
  collectSecrets(stack.secrets, resource, schema, {
    desired,
    actual: found.state?.properties,
    lastApplied,
    exports: entry?.exports,
  });
  const moved = entry !== undefined && entry.region !== region && found.state !== undefined && desired !== undefined;
  const change = diffResource({
    resource: name,
    schema,
    region,
    desired,
    actual: found.state?.properties,
    ...(lastApplied ? { lastApplied } : {}),
    ...(found.state ? { identifier: found.state.identifier } : {}),
    dependsOn: resource.dependsOn,
    sensitive: sensitiveProperties(resource, schema),
    removedReason: so.mode === 'teardown' ? 'teardown' : 'condition `if` is false',
    previousRegion: moved ? entry.region : undefined,
    deletedOutside: found.via === 'ledger' && !found.state,
    renamedFrom: owner,
  });
  if (found.state && (change.action === 'noop' || change.action === 'update')) {
    await learnColumns(ctx, resource, so, { ...found.state.properties, ...(desired ?? {}) }, found.fields);
  }
  return {
    name,
    resource,
    schema,
    region,
    ...(moved ? { previousRegion: entry.region } : {}),
    ...(owner !== undefined ? { renamedFrom: owner } : {}),
    ...(desired ? { desired } : {}),
    ...(found.state ? { identifier: found.state.identifier, actual: found.state.properties } : {}),
    ...(lastApplied ? { lastApplied } : {}),
    change,
    // Ledger edges to resources gone from the manifest order their deletes after this one.
    dependsOn: [...resource.dependsOn, ...(entry?.dependsOn ?? []).filter((d) => !so.names.has(d))],
  };
}

/** What later templates may read of a resource that stays: its columns, `this.*` and exports. */
async function learnColumns(
  ctx: PlanContext,
  resource: StackResource,
  so: PlanSoFar,
  properties: Record<string, unknown>,
  fields: Record<string, unknown> | undefined,
): Promise<void> {
  const name = resource.def.name;
  try {
    so.known.set(name, resourceColumns(properties, fields));
    const more = fields ? undefined : await thisFields(ctx, resource, so.known);
    if (more) so.known.set(name, resourceColumns(properties, more));
    const row = await readExports(ctx, resource, so.known, false);
    if (row) so.known.set(name, { ...so.known.get(name), ...row });
  } catch (error) {
    throw withResource(error, name);
  }
}
