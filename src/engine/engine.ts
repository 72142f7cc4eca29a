/**
 * Orchestration of plan, apply and teardown. The engine reaches the cloud through the port
 * it is handed, reports through events, and prints nothing.
 */
import type { CloudControlPort } from '../cloud/index.js';
import type { Plan } from '../plan/index.js';
import type { SchemaRegistry } from '../schema/index.js';
import { acquireLock, Ledger } from '../state/index.js';
import { applyStack, type ApplyOutcome, type FailureMode } from './apply-stack.js';
import { errorInfo, eventTime, type Command, type EventSink, type RunSummary } from '../events/index.js';
import type { StackPlan } from './plan-context.js';
import { planStack } from './plan-stack.js';
import { assertStillValid, type SavedPlan } from './saved-plan.js';
import type { Stack } from '../stack/index.js';
import { createHash, randomUUID } from 'node:crypto';

export interface EngineDeps {
  registry: SchemaRegistry;
  cloud: CloudControlPort;
  sink: EventSink;
}

export interface RunOptions {
  parallelism: number;
  onFailure: FailureMode;
  signal?: AbortSignal;
  /** Apply exactly this saved plan, refusing if anything changed since. */
  saved?: SavedPlan;
  /** Asked after the plan is shown, when there are changes; false cancels. */
  confirm?: (plan: Plan) => Promise<boolean>;
}

export type RunResult =
  | { kind: 'planned'; plan: Plan }
  | { kind: 'cancelled'; plan: Plan }
  | { kind: 'applied'; plan: Plan; outcome: ApplyOutcome };

const ZERO: RunSummary = { created: 0, updated: 0, replaced: 0, deleted: 0, unchanged: 0, failed: 0, skipped: 0 };

function hasChanges(plan: Plan): boolean {
  const s = plan.summary;
  return s.create + s.update + s.replace + s.delete > 0;
}

/** Emits run_started / run_finished around a run, also when it throws. */
async function framed<T extends RunResult>(
  command: Command,
  stack: Stack,
  deps: EngineDeps,
  body: () => Promise<T>,
): Promise<T> {
  const startedAt = Date.now();
  deps.sink.emit({ type: 'run_started', time: eventTime(), command, stack: stack.name, env: stack.env });
  const finish = (outcome: 'success' | 'failed' | 'interrupted' | 'cancelled', summary: RunSummary, extra = {}): void =>
    deps.sink.emit({
      type: 'run_finished',
      time: eventTime(),
      command,
      outcome,
      summary,
      durationMs: Date.now() - startedAt,
      cloudCalls: deps.cloud.callCounts(),
      ...extra,
    });
  try {
    const result = await body();
    if (result.kind === 'applied') finish(result.outcome.outcome, result.outcome.summary);
    else
      finish(result.kind === 'cancelled' ? 'cancelled' : 'success', { ...ZERO, unchanged: result.plan.summary.noop });
    return result;
  } catch (error) {
    finish('failed', ZERO, { error: errorInfo(error) });
    throw error;
  }
}

/** How many reads a plan has in flight when the caller does not say. */
const DEFAULT_PARALLELISM = 10;

async function makePlan(
  stack: Stack,
  deps: EngineDeps,
  ledger: Ledger,
  mode: 'apply' | 'teardown',
  parallelism: number,
): Promise<StackPlan> {
  const stackPlan = await planStack(
    { stack, registry: deps.registry, cloud: deps.cloud, ledger, now: new Date() },
    mode,
    parallelism,
  );
  deps.sink.emit({ type: 'plan_ready', time: eventTime(), plan: stackPlan.plan });
  return stackPlan;
}

/** `parallelism`: reads in flight at once (default 10). */
export function plan(
  stack: Stack,
  deps: EngineDeps,
  options: { parallelism?: number } = {},
): Promise<{ kind: 'planned'; plan: Plan }> {
  return framed('plan', stack, deps, async () => {
    const ledger = Ledger.open(stack.dir, stack.env, stack.name);
    const { plan } = await makePlan(stack, deps, ledger, 'apply', options.parallelism ?? DEFAULT_PARALLELISM);
    return { kind: 'planned' as const, plan };
  });
}

export function apply(stack: Stack, deps: EngineDeps, options: RunOptions): Promise<RunResult> {
  return execute('apply', stack, deps, options);
}

export function teardown(stack: Stack, deps: EngineDeps, options: RunOptions): Promise<RunResult> {
  return execute('teardown', stack, deps, options);
}

async function execute(
  command: 'apply' | 'teardown',
  stack: Stack,
  deps: EngineDeps,
  options: RunOptions,
): Promise<RunResult> {
  return framed(command, stack, deps, async () => {
    const lock = await acquireLock(stack.dir, stack.env, { command });
    try {
      const ledger = Ledger.open(stack.dir, stack.env, stack.name);
      const stackPlan = await makePlan(stack, deps, ledger, command, options.parallelism);
      if (options.saved) assertStillValid(options.saved, stackPlan.plan);
      // Nothing to change: no question to ask (the run still records adopted resources).
      if (hasChanges(stackPlan.plan) && options.confirm && !(await options.confirm(stackPlan.plan))) {
        return { kind: 'cancelled' as const, plan: stackPlan.plan };
      }
      // Tokens from the saved plan repeat across retries of that file; otherwise unique per run.
      const tokenSeed = options.saved?.seed ?? createHash('sha256').update(randomUUID()).digest('hex');
      const outcome = await applyStack({ ...deps, stack, ledger, now: new Date() }, stackPlan, {
        parallelism: options.parallelism,
        onFailure: options.onFailure,
        tokenSeed,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return { kind: 'applied' as const, plan: stackPlan.plan, outcome };
    } finally {
      await lock.release();
    }
  });
}
