/**
 * The planner: pure functions from desired, actual and last-applied state to a Plan.
 * No I/O, no clock — the engine reads, the planner decides, reporters show.
 */
export { diffResource, type DiffInput } from './diff.js';
export { valuesEqual, matchesActual, matchesAbsent, type CompareOptions } from './equal.js';
export type { RuleName } from './normalize/rules.js';
export { fingerprint } from './fingerprint.js';
export { summarize, buildPlan } from './summary.js';
export type { ChangeAction, PatchOperation, Plan, PlanSummary, PropertyChange, ResourceChange } from './types.js';
