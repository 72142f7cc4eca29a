/**
 * The plan as a whole: per-action counts and the saved-plan envelope. `createdAt` is passed in
 * because the planner never reads the clock (a plan must be reproducible from its inputs).
 */
import type { Plan, PlanSummary, ResourceChange } from './types.js';

export function summarize(changes: ResourceChange[]): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, replace: 0, delete: 0, noop: 0 };
  for (const change of changes) summary[change.action] += 1;
  return summary;
}

export function buildPlan(stack: string, env: string, createdAt: string, changes: ResourceChange[]): Plan {
  return { version: 1, stack, env, createdAt, resources: changes, summary: summarize(changes) };
}
