/** Plan, apply and teardown of a loaded stack; emits events, prints nothing. */
export { plan, apply, teardown, type EngineDeps, type RunOptions, type RunResult } from './engine.js';
export type { FailureMode } from './apply-stack.js';
export { savePlan, loadPlan, type SavedPlan } from './saved-plan.js';
export { test, type TestReport, type TestResult } from './test-stack.js';
