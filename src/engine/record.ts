/**
 * What the ledger records about a resource after an operation, and how: entries carry the
 * exports templates read back, writes are retried, and a write that cannot be made fails the
 * resource with an error naming what exists in the cloud, so nothing is lost without a word.
 */
import type { ResourceState } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import { ledgerEntry, type IntentOperation, type IntentRequest, type LedgerEntry } from '../state/index.js';
import { resourceColumns, type Known, type StackResource } from '../stack/index.js';
import { persist } from './intents.js';
import type { ApplyContext, PlannedResource } from './plan-context.js';

/**
 * The exports a ledger entry records: the resource's export names with their values, from its
 * template columns (its properties, and the rows its exports query answered).
 */
export function exportedValues(
  resource: StackResource | undefined,
  columns: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of resource?.def.exports ?? []) if (columns[e.column] !== undefined) out[e.alias] = columns[e.column];
  return out;
}

/** The ledger entry of a planned resource as it now exists (`columns`: what its queries answered too). */
export function entryOf(
  p: PlannedResource,
  state: ResourceState,
  desired: Record<string, unknown>,
  columns: Record<string, unknown> = resourceColumns(state.properties),
): LedgerEntry {
  return ledgerEntry({
    resource: p.name,
    type: p.schema.typeName,
    region: p.region,
    identifier: state.identifier,
    dependsOn: p.dependsOn,
    exports: exportedValues(p.resource, columns),
    desired,
  });
}

/** The intent of an operation on a planned resource. */
export function intentOf(
  p: PlannedResource,
  operation: IntentOperation,
  fields: Pick<IntentRequest, 'identifier' | 'desired' | 'patch'> & { region?: string },
): IntentRequest {
  return {
    resource: p.name,
    type: p.schema.typeName,
    region: fields.region ?? p.region,
    operation,
    dependsOn: p.dependsOn,
    ...(fields.identifier !== undefined ? { identifier: fields.identifier } : {}),
    ...(fields.desired !== undefined ? { desired: fields.desired } : {}),
    ...(fields.patch !== undefined ? { patch: fields.patch } : {}),
    ...(p.renamedFrom !== undefined ? { renamedFrom: p.renamedFrom } : {}),
  };
}

/**
 * Records what an operation did (retrying the write). When the ledger cannot be written, the
 * resource fails with an error naming the identifier: its intent, recorded before the request,
 * lets the next run adopt it, and a rollback deletes it.
 */
export async function recordOutcome(
  p: PlannedResource,
  done: string,
  identifier: string,
  write: () => Promise<void>,
): Promise<void> {
  try {
    await persist(write);
  } catch (error) {
    if (!DeployError.is(error) || error.code !== 'LedgerWriteFailed') throw error;
    throw new DeployError(
      'LedgerWriteFailed',
      `${done} ${p.schema.typeName} ${identifier}, but could not record it: ${error.message}`,
      {
        resource: p.name,
        cause: error,
        hint:
          'make the ledger writable again (disk space, permissions), then run the same command: it resolves ' +
          `the intent recorded before the request and records ${identifier} instead of acting twice`,
      },
    );
  }
}

/**
 * Unchanged resources found by query or identifier (deployed by another tool, or a lost
 * ledger) are recorded, so the next run reads them directly; known ones are refreshed. Entries
 * of resources that are already gone are forgotten: the ledger lists only what exists.
 */
export async function adoptUnchanged(ctx: ApplyContext, planned: PlannedResource[], known: Known): Promise<void> {
  for (const p of planned) {
    if (p.change.action !== 'noop') continue;
    const current = ctx.ledger.get(p.name);
    if (!p.actual) {
      if (current !== undefined) await ctx.ledger.removeAsync(p.name); // a noop without a resource: already gone
      continue;
    }
    if (p.identifier === undefined || !p.desired) continue;
    // What the stack asked for, never the whole read: service-set values must not become
    // "removed" properties in the next plan.
    const state = { identifier: p.identifier, properties: p.actual };
    const entry = entryOf(p, state, p.desired, known.get(p.name) ?? resourceColumns(p.actual));
    if (
      !current ||
      current.desiredHash !== entry.desiredHash ||
      JSON.stringify(current.exports) !== JSON.stringify(entry.exports)
    ) {
      await ctx.ledger.putAsync(entry);
    }
    if (p.renamedFrom !== undefined) await ctx.ledger.removeAsync(p.renamedFrom);
  }
}
