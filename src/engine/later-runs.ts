/**
 * What apply runs besides creates, updates and deletes: query and script resources whose
 * values became known during the run, and command resources (every apply). Each waits for
 * what it uses; a failure is reported like a resource's.
 */
import { DeployError } from '../errors/index.js';
import { errorInfo, resourceEvent, type ErrorInfo, type Subject } from '../events/index.js';
import type { StackResource } from '../stack/index.js';
import { runCommand } from './command-resource.js';
import type { LaterRun } from './operations.js';
import type { ApplyContext, PlanContext, StackPlan } from './plan-context.js';
import { LATER, readQuery } from './query-resource.js';

/** The query, script and command resources the plan left for apply, with what they use. */
export function laterRuns(ctx: PlanContext, stackPlan: StackPlan): LaterRun[] {
  const dependsOn = (name: string): string[] => ctx.stack.resources.find((r) => r.def.name === name)?.dependsOn ?? [];
  return [
    ...stackPlan.later.map(({ name, after }) => ({
      name,
      phase: 'read' as const,
      dependsOn: [...new Set([...dependsOn(name), ...after])],
    })),
    ...stackPlan.commands.map((name) => ({ name, phase: 'command' as const, dependsOn: dependsOn(name) })),
  ];
}

export async function runLater(
  ctx: ApplyContext,
  phase: LaterRun['phase'],
  name: string,
  known: Map<string, Record<string, unknown>>,
  failed: { resource: string; error: ErrorInfo }[],
  signal?: AbortSignal,
): Promise<void> {
  const started = Date.now();
  const resource = ctx.stack.resources.find((r) => r.def.name === name) as StackResource;
  const subject: Subject =
    phase === 'command'
      ? { resource: name, resourceType: 'command', action: 'update' }
      : { resource: name, resourceType: resource.def.type, action: 'noop' };
  try {
    if (phase === 'command') {
      ctx.sink.emit(resourceEvent.started(subject));
      await runCommand(ctx, resource, known);
      ctx.sink.emit(resourceEvent.finished(subject, started));
      return;
    }
    const row = await readQuery(ctx, resource, known, { required: true, retry: true, ...(signal ? { signal } : {}) });
    if (row === LATER) {
      throw new DeployError('UnresolvedValue', `'${name}' still uses values nothing exported`, {
        file: resource.file,
        resource: name,
        hint: 'check the names it uses against the exports of the resources it reads',
      });
    }
    if (row) known.set(name, row);
  } catch (error) {
    const info = errorInfo(error);
    failed.push({ resource: name, error: info });
    ctx.sink.emit(resourceEvent.failed(subject, info, started));
    throw error;
  }
}
