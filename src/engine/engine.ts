/**
 * Orchestration of plan, apply and teardown. The engine reaches the cloud through the port
 * it is handed, reports through events, and prints nothing.
 */
import type { CloudControlPort } from '../cloud/index.js';
import type { Plan } from '../plan/index.js';
import type { SchemaRegistry } from '../schema/index.js';
import { fileBackend, type Ledger, type LockInfo, type StateBackend } from '../state/index.js';
import { applyStack, type ApplyOutcome, type FailureMode } from './apply-stack.js';
import { errorInfo, eventTime, type Command, type EventSink, type RunSummary } from '../events/index.js';
import type { StackPlan } from './plan-context.js';
import { planStack } from './plan-stack.js';
import { maskingSink, maskPlan } from './masking.js';
import { resolvePending } from './recover.js';
import { assertStillValid, type SavedPlan } from './saved-plan.js';
import type { Stack } from '../stack/index.js';
import { SqlEngine, type SqlEngineOptions } from '../sql/index.js';

export interface EngineDeps {
  registry: SchemaRegistry;
  cloud: CloudControlPort;
  sink: EventSink;
  /** Told every SELECT before it runs (`--show-queries`). */
  trace?: SqlEngineOptions['trace'];
  /** Where the ledger and the lock live; default: files in the stack directory. */
  state?: StateBackend;
}

/** The SQL engine a run's queries go through. */
export function sqlEngine(deps: EngineDeps): SqlEngine {
  return new SqlEngine({ cloud: deps.cloud, registry: deps.registry, ...(deps.trace ? { trace: deps.trace } : {}) });
}

function backendOf(stack: Stack, deps: EngineDeps): StateBackend {
  return deps.state ?? fileBackend(stack.dir);
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

/**
 * Emits run_started / run_finished around a run, also when it throws. The body gets deps whose
 * sink masks secrets, and the plan it returns is handed back masked.
 */
async function framed<T extends RunResult>(
  command: Command,
  stack: Stack,
  unmasked: EngineDeps,
  body: (deps: EngineDeps) => Promise<T>,
): Promise<T> {
  const deps = { ...unmasked, sink: maskingSink(unmasked.sink, stack.secrets) };
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
    const result = await body(deps);
    if (result.kind === 'applied') finish(result.outcome.outcome, result.outcome.summary);
    else
      finish(result.kind === 'cancelled' ? 'cancelled' : 'success', { ...ZERO, unchanged: result.plan.summary.noop });
    return { ...result, plan: maskPlan(result.plan, stack.secrets) };
  } catch (error) {
    finish('failed', ZERO, { error: errorInfo(error) });
    throw error;
  }
}

/** How many reads a plan has in flight when the caller does not say. */
const DEFAULT_PARALLELISM = 10;

/**
 * Resolves what a killed run left pending, then plans. `plan` resolves read-only (it holds no
 * lock and changes nothing), and not at all while a live run holds the lock: its pending
 * operations are its own, not an interrupted run's. Apply and teardown record what they find.
 */
async function makePlan(
  stack: Stack,
  deps: EngineDeps,
  ledger: Ledger,
  mode: 'apply' | 'teardown',
  parallelism: number,
): Promise<StackPlan> {
  const running = ledger.readOnly ? await backendOf(stack, deps).lockHolder(stack.name, stack.env) : undefined;
  if (running === undefined) {
    await resolvePending(
      { stack, registry: deps.registry, cloud: deps.cloud, ledger, sink: deps.sink },
      !ledger.readOnly,
    );
  } else if (ledger.pending().length > 0) {
    deps.sink.emit({
      type: 'warning',
      time: eventTime(),
      message: `${running.owner} is running "${running.command}": this plan shows the state before its operations in flight`,
    });
  }
  const stackPlan = await planStack(
    {
      stack,
      registry: deps.registry,
      cloud: deps.cloud,
      sql: sqlEngine(deps),
      reads: new Map(),
      ledger,
      now: new Date(),
    },
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
  return framed('plan', stack, deps, async (deps) => {
    const ledger = await backendOf(stack, deps).openLedger(stack.name, stack.env, { readOnly: true });
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
  return framed(command, stack, deps, async (deps) => {
    const onTakeover = (previous: LockInfo, why: 'process gone' | 'lease expired'): void =>
      deps.sink.emit({
        type: 'warning',
        time: eventTime(),
        message:
          `took over the lock of ${previous.owner} ("${previous.command}" since ${previous.acquiredAt}): ` +
          (why === 'process gone' ? 'that process no longer runs on this host' : 'its lease expired'),
      });
    const backend = backendOf(stack, deps);
    const lock = await backend.acquireLock(stack.name, stack.env, { command, onTakeover });
    try {
      const ledger = await backend.openLedger(stack.name, stack.env);
      try {
        const stackPlan = await makePlan(stack, deps, ledger, command, options.parallelism);
        // A saved plan is saved masked: compare it with this one masked alike.
        const shown = maskPlan(stackPlan.plan, stack.secrets);
        if (options.saved) assertStillValid(options.saved, shown);
        // Nothing to change: no question to ask (the run still records adopted resources).
        if (hasChanges(shown) && options.confirm && !(await options.confirm(shown))) {
          return { kind: 'cancelled' as const, plan: stackPlan.plan };
        }
        const sql = sqlEngine(deps);
        const outcome = await applyStack({ ...deps, sql, stack, ledger, now: new Date() }, stackPlan, {
          parallelism: options.parallelism,
          onFailure: options.onFailure,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        return { kind: 'applied' as const, plan: stackPlan.plan, outcome };
      } finally {
        await compact(ledger, deps.sink);
      }
    } finally {
      await lock.release();
    }
  });
}

/** Folds the journal into state.json. Failing is no loss (the journal holds everything): a warning. */
async function compact(ledger: Ledger, sink: EventSink): Promise<void> {
  try {
    await ledger.compactAsync();
  } catch (error) {
    sink.emit({ type: 'warning', time: eventTime(), message: (error as Error).message });
  }
}
