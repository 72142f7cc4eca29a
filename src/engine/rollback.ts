/**
 * `--on-failure rollback`: after a failed apply, undo what this run did, newest first. Created
 * resources are deleted; updated ones are patched back to what was read before. A resource this
 * run deleted cannot be brought back, and the run says so.
 */
import { diffResource, type ChangeAction } from '../plan/index.js';
import type { LedgerEntry } from '../state/index.js';
import { errorInfo, eventTime, resourceEvent } from '../events/index.js';
import { closeQuietly, persist, sendUnderIntent } from './intents.js';
import { subjectOf, type ApplyContext, type PlannedResource } from './plan-context.js';
import { intentOf } from './record.js';

/** What this run changed, for rollback. */
export type Applied =
  | { kind: 'created'; resource: string; identifier: string }
  | { kind: 'updated'; resource: string; before: Record<string, unknown>; previous: LedgerEntry | undefined }
  | { kind: 'deleted'; resource: string };

/**
 * Undoes, newest first, what this run created or updated, and returns how many steps it undid.
 * Deleted resources cannot come back. Each step runs under an intent like any mutation, but is
 * sent even when the ledger cannot be written: what this run created must not stay behind
 * because the disk is full.
 */
export async function rollback(
  ctx: ApplyContext,
  byName: ReadonlyMap<string, PlannedResource>,
  applied: Applied[],
): Promise<number> {
  const { cloud, ledger, sink } = ctx;
  let undone = 0;
  for (const step of [...applied].reverse()) {
    const p = byName.get(step.resource) as PlannedResource;
    const action: ChangeAction = step.kind === 'created' ? 'delete' : 'update';
    const at = Date.now();
    try {
      if (step.kind === 'deleted') {
        sink.emit(resourceEvent.rollback(subjectOf(p), 'cannot_restore_deleted'));
        continue;
      }
      sink.emit(resourceEvent.rollback(subjectOf(p), 'undoing'));
      sink.emit(resourceEvent.started(subjectOf(p, action)));
      if (step.kind === 'created') {
        const { intent } = await sendUnderIntent(
          ledger,
          intentOf(p, 'delete', { identifier: step.identifier }),
          (o) => cloud.deleteResource(p.schema.typeName, p.region, step.identifier, o),
          { bestEffort: true },
        );
        await recorded(ctx, p.name, () => ledger.removeAsync(p.name, intent));
      } else {
        const current = await cloud.getResource(p.schema.typeName, p.region, p.identifier as string);
        const back = diffResource({
          resource: p.name,
          schema: p.schema,
          region: p.region,
          desired: step.before,
          actual: current?.properties,
          ...(step.previous ? { lastApplied: ledger.get(p.name)?.desired ?? {} } : {}),
        });
        const patch = back.patch ?? [];
        const desired = step.previous?.desired ?? step.before;
        const { intent } = patch.length
          ? await sendUnderIntent(
              ledger,
              intentOf(p, 'update', { identifier: p.identifier as string, desired, patch }),
              (o) => cloud.updateResource(p.schema.typeName, p.region, p.identifier as string, patch, o),
              { bestEffort: true },
            )
          : { intent: undefined };
        const previous = step.previous;
        if (previous) await recorded(ctx, p.name, () => ledger.putAsync(previous, intent));
        else if (intent) await closeQuietly(ledger, intent);
      }
      sink.emit(resourceEvent.finished(subjectOf(p, action), at));
      undone++;
    } catch (error) {
      sink.emit(resourceEvent.failed(subjectOf(p, action), errorInfo(error), at));
    }
  }
  return undone;
}

/**
 * A rollback step's ledger write. The undo has happened, so it still counts; if it cannot be
 * recorded, the step's intent (when it was recorded) lets the next run record the outcome.
 */
async function recorded(ctx: ApplyContext, resource: string, write: () => Promise<void>): Promise<void> {
  try {
    await persist(write);
  } catch (error) {
    ctx.sink.emit({ type: 'warning', time: eventTime(), resource, message: (error as Error).message });
  }
}
