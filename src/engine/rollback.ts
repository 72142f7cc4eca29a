/**
 * `--on-failure rollback`: after a failed apply, undo what this run did, newest first. Created
 * resources are deleted; updated ones are patched back to what was read before. A resource this
 * run deleted cannot be brought back, and the run says so.
 */
import { diffResource, type ChangeAction } from '../plan/index.js';
import type { LedgerEntry } from '../state/index.js';
import { errorInfo, eventTime } from '../events/index.js';
import type { ApplyContext, PlannedResource } from './plan-context.js';

/** What this run changed, for rollback. */
export type Applied =
  | { kind: 'created'; resource: string; identifier: string }
  | { kind: 'updated'; resource: string; before: Record<string, unknown>; previous: LedgerEntry | undefined }
  | { kind: 'deleted'; resource: string };

/**
 * Undoes, newest first, what this run created or updated, and returns how many steps it undid.
 * Deleted resources cannot come back.
 */
export async function rollback(
  ctx: ApplyContext,
  byName: ReadonlyMap<string, PlannedResource>,
  applied: Applied[],
  token: (id: string) => string,
): Promise<number> {
  const { cloud, ledger, sink } = ctx;
  let undone = 0;
  for (const step of [...applied].reverse()) {
    const p = byName.get(step.resource) as PlannedResource;
    const action: ChangeAction = step.kind === 'created' ? 'delete' : 'update';
    const at = Date.now();
    try {
      if (step.kind === 'deleted') {
        sink.emit({
          type: 'rollback_step',
          time: eventTime(),
          resource: p.name,
          resourceType: p.schema.typeName,
          step: 'cannot_restore_deleted',
        });
        continue;
      }
      sink.emit({
        type: 'rollback_step',
        time: eventTime(),
        resource: p.name,
        resourceType: p.schema.typeName,
        step: 'undoing',
      });
      sink.emit({
        type: 'resource_started',
        time: eventTime(),
        resource: p.name,
        resourceType: p.schema.typeName,
        action,
      });
      if (step.kind === 'created') {
        await cloud.deleteResource(p.schema.typeName, p.region, step.identifier, {
          clientToken: token(`rollback:${p.name}`),
        });
        ledger.remove(p.name);
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
        if (back.patch?.length) {
          await cloud.updateResource(p.schema.typeName, p.region, p.identifier as string, back.patch, {
            clientToken: token(`rollback:${p.name}`),
          });
        }
        if (step.previous) ledger.put(step.previous);
      }
      sink.emit({
        type: 'resource_finished',
        time: eventTime(),
        resource: p.name,
        resourceType: p.schema.typeName,
        action,
        durationMs: Date.now() - at,
      });
      undone++;
    } catch (error) {
      sink.emit({
        type: 'resource_failed',
        time: eventTime(),
        resource: p.name,
        resourceType: p.schema.typeName,
        action,
        error: { ...errorInfo(error), resource: p.name },
        durationMs: Date.now() - at,
      });
    }
  }
  return undone;
}
