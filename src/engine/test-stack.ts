/**
 * `deploy test` (stackql-deploy's test): is every resource deployed and in its desired state?
 * Reads only. A resource passes when it exists and its statecheck holds (polled as the anchor
 * says), or, without a statecheck, when the plan finds no difference; a query resource passes
 * when it answers. Resources whose `if` is false, scripts and commands are skipped.
 */
import type { Known, Stack, StackResource } from '../stack/index.js';
import { EXCLUDED, stackExports } from '../stack/index.js';
import { Ledger } from '../state/index.js';
import { pollQuery, statecheckOf } from './anchor-query.js';
import { statecheckHolds } from './anchor-results.js';
import { sqlEngine, type EngineDeps } from './engine.js';
import type { PlanContext, StackPlan } from './plan-context.js';
import { planStack } from './plan-stack.js';

export interface TestResult {
  resource: string;
  outcome: 'passed' | 'failed' | 'skipped';
  /** What was checked, or why it failed or was skipped. */
  detail: string;
}

export interface TestReport {
  results: TestResult[];
  passed: boolean;
  /** The stack's outputs (top-level `exports:`), as found. */
  exports: ReturnType<typeof stackExports>;
}

/** `parallelism`: reads in flight at once. */
export async function test(
  stack: Stack,
  deps: EngineDeps,
  signal?: AbortSignal,
  parallelism = 10,
): Promise<TestReport> {
  const ctx: PlanContext = {
    stack,
    registry: deps.registry,
    cloud: deps.cloud,
    sql: sqlEngine(deps),
    reads: new Map(),
    ledger: Ledger.open(stack.dir, stack.env, stack.name),
    now: new Date(),
  };
  const stackPlan = await planStack(ctx, 'apply', parallelism);
  const results: TestResult[] = [];
  for (const resource of stack.resources) results.push(await check(ctx, stackPlan, resource, signal));
  return {
    results,
    passed: results.every((r) => r.outcome !== 'failed'),
    exports: stackExports(stack, stackPlan.known),
  };
}

async function check(
  ctx: PlanContext,
  stackPlan: StackPlan,
  resource: StackResource,
  signal?: AbortSignal,
): Promise<TestResult> {
  const name = resource.def.name;
  const known: Known = stackPlan.known;
  const result = (outcome: TestResult['outcome'], detail: string): TestResult => ({ resource: name, outcome, detail });
  if (known.get(name) === EXCLUDED) return result('skipped', 'its `if` is false in this environment');
  if (resource.def.type === 'command' || resource.def.type === 'script') {
    return result('skipped', `a ${resource.def.type} resource is run by apply, not tested`);
  }
  if (resource.def.type === 'query') {
    return known.has(name)
      ? result('passed', 'its query answers')
      : result('failed', 'it reads resources that do not exist');
  }
  const planned = stackPlan.resources.get(name);
  if (!planned?.actual) return result('failed', 'it does not exist');
  const query = statecheckOf(ctx, resource, known);
  if (!query) {
    return planned.change.action === 'noop'
      ? result('passed', 'it matches the stack')
      : result('failed', `it differs from the stack: ${planned.change.reason}`);
  }
  const answer = await pollQuery(ctx, query, name, { retries: 1, delay: 0 }, statecheckHolds, signal);
  return answer.ok
    ? result('passed', 'its statecheck holds')
    : result('failed', `its statecheck answered no after ${answer.attempts} attempt(s) (${query.file}:${query.line})`);
}
