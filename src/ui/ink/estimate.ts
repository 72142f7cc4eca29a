/**
 * Time left, from the critical path of what remains. Operations run in parallel, so the sum of
 * durations overstates; the longest chain of dependent remaining resources is what the user
 * actually waits for. Each resource is weighed by the average duration of finished operations
 * with the same action (Cloud Control creates and deletes differ a lot), falling back to the
 * average of all finished operations. Nothing finished yet means no estimate, not a guess.
 */
import type { ChangeAction } from '../../plan/types.js';

export interface RemainingOp {
  resource: string;
  action: ChangeAction;
  dependsOn: readonly string[];
  /** Set for an operation in flight: only its remainder counts. */
  elapsedMs?: number;
}

export type DurationStats = Partial<Record<ChangeAction, { total: number; count: number }>>;

/** Milliseconds until the remaining operations are done, or undefined when nothing to base it on. */
export function estimateRemainingMs(remaining: readonly RemainingOp[], stats: DurationStats): number | undefined {
  if (remaining.length === 0) return 0;
  let total = 0;
  let count = 0;
  for (const s of Object.values(stats)) {
    total += s.total;
    count += s.count;
  }
  if (count === 0) return undefined;
  const overall = total / count;
  const average = (action: ChangeAction) => {
    const s = stats[action];
    return s !== undefined && s.count > 0 ? s.total / s.count : overall;
  };

  const byName = new Map(remaining.map((op) => [op.resource, op]));
  const longest = new Map<string, number>();
  const visiting = new Set<string>();

  // Longest weighted path ending at `name`. A path's length is the same read either way, so
  // deletes (which run dependents first) need no reversed graph.
  const chain = (name: string): number => {
    const cached = longest.get(name);
    if (cached !== undefined) return cached;
    const op = byName.get(name);
    // Finished dependencies, and a cycle's back edge, add nothing.
    if (op === undefined || visiting.has(name)) return 0;
    visiting.add(name);
    const own = Math.max(0, average(op.action) - (op.elapsedMs ?? 0));
    const before = Math.max(0, ...op.dependsOn.map(chain));
    visiting.delete(name);
    longest.set(name, own + before);
    return own + before;
  };

  return Math.max(...remaining.map((op) => chain(op.resource)));
}
