/**
 * What the ledger records of a resource's exports, and adopting resources that were found
 * unchanged (deployed by another tool, or a lost ledger) so the next run reads them directly.
 */
import { ledgerEntry } from '../state/index.js';
import { resourceColumns, type Known } from '../stack/index.js';
import type { ApplyContext, PlannedResource } from './plan-context.js';

/** The resource's export names with their values, from its template columns. */
export function exportedValues(planned: PlannedResource, columns: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of planned.resource?.def.exports ?? [])
    if (columns[e.column] !== undefined) out[e.alias] = columns[e.column];
  return out;
}

export function adoptUnchanged(ctx: ApplyContext, planned: PlannedResource[], known: Known): void {
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
      exports: exportedValues(p, known.get(p.name) ?? resourceColumns(p.actual)),
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
