/**
 * The Ink reporter's state and how each engine event changes it. Pure and immutable (every
 * change returns a new object) because `useSyncExternalStore` re-renders on identity, and so
 * tests can check the state without rendering anything.
 */
import type { Command, EngineEvent, ErrorInfo } from '../../events/index.js';
import type { ChangeAction, Plan, ResourceChange } from '../../plan/types.js';
import { summaryLines, type SeenFailure } from '../run-summary.js';
import { estimateRemainingMs, type DurationStats, type RemainingOp } from './estimate.js';
import { rollbackWords, skipWords } from '../words.js';

export interface RunningOp {
  resource: string;
  resourceType: string;
  action: ChangeAction;
  startedAt: number;
  identifier?: string | undefined;
}

/** One entry of the scrollback (Ink's <Static>): written once, never redrawn. */
export type LogItem =
  | { id: number; kind: 'plan'; plan: Plan }
  | {
      id: number;
      kind: 'done';
      resource: string;
      action: ChangeAction;
      durationMs: number;
      identifier?: string | undefined;
    }
  | { id: number; kind: 'failed'; resource: string; action: ChangeAction; durationMs: number; error: ErrorInfo }
  | { id: number; kind: 'skipped'; resource: string; reason: string }
  | { id: number; kind: 'warning'; message: string; resource?: string | undefined }
  | { id: number; kind: 'summary'; outcome: 'success' | 'failed' | 'interrupted' | 'cancelled'; lines: string[] };

type Status = 'running' | 'done' | 'failed' | 'skipped';

export interface ProgressState {
  now: number;
  command?: Command;
  stack?: string;
  env?: string;
  plan?: Plan;
  running: RunningOp[];
  status: Readonly<Record<string, Status>>;
  durations: DurationStats;
  failures: SeenFailure[];
  interrupting: boolean;
  finished: boolean;
  log: LogItem[];
  /** How many log entries are already on the terminal; <Static> of a new mount starts here. */
  printed: number;
}

export function initialProgress(now: number): ProgressState {
  return {
    now,
    running: [],
    status: {},
    durations: {},
    failures: [],
    interrupting: false,
    finished: false,
    log: [],
    printed: 0,
  };
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function append(state: ProgressState, item: WithoutId<LogItem>): LogItem[] {
  return [...state.log, { ...item, id: state.log.length }];
}

function settle(state: ProgressState, resource: string, status: Status): Pick<ProgressState, 'running' | 'status'> {
  return {
    running: state.running.filter((r) => r.resource !== resource),
    status: { ...state.status, [resource]: status },
  };
}

export function applyEvent(state: ProgressState, event: EngineEvent, now: number): ProgressState {
  const s = { ...state, now };
  switch (event.type) {
    case 'run_started':
      return { ...s, command: event.command, stack: event.stack, env: event.env };
    case 'plan_ready':
      return { ...s, plan: event.plan, log: append(s, { kind: 'plan', plan: event.plan }) };
    case 'resource_started': {
      const identifier = s.plan?.resources.find((r) => r.resource === event.resource)?.identifier;
      const op: RunningOp = {
        resource: event.resource,
        resourceType: event.resourceType,
        action: event.action,
        startedAt: now,
        // A create's old identifier (none) would mislead; others act on the existing resource.
        identifier: event.action === 'create' ? undefined : identifier,
      };
      const running = [...s.running.filter((r) => r.resource !== event.resource), op];
      return { ...s, running, status: { ...s.status, [event.resource]: 'running' } };
    }
    case 'resource_finished': {
      const identifier = event.identifier ?? s.running.find((r) => r.resource === event.resource)?.identifier;
      const { resource, action, durationMs } = event;
      const stats = s.durations[action] ?? { total: 0, count: 0 };
      const durations = { ...s.durations, [action]: { total: stats.total + durationMs, count: stats.count + 1 } };
      return {
        ...s,
        ...settle(s, resource, 'done'),
        durations,
        log: append(s, { kind: 'done', resource, action, durationMs, identifier }),
      };
    }
    case 'resource_failed': {
      const { resource, action, error, durationMs } = event;
      return {
        ...s,
        ...settle(s, resource, 'failed'),
        failures: [...s.failures, { resource, action, error }],
        log: append(s, { kind: 'failed', resource, action, error, durationMs }),
      };
    }
    case 'resource_skipped':
      return {
        ...s,
        ...settle(s, event.resource, 'skipped'),
        log: append(s, { kind: 'skipped', resource: event.resource, reason: skipWords(event.reason) }),
      };
    case 'rollback_step':
      return { ...s, log: append(s, { kind: 'warning', message: rollbackWords(event.step, event.resource) }) };
    case 'interrupt_requested':
      return { ...s, interrupting: true };
    case 'warning':
      return { ...s, log: append(s, { kind: 'warning', message: event.message, resource: event.resource }) };
    case 'run_finished': {
      const lines = summaryLines(event, s.failures);
      const log = lines.length > 0 ? append(s, { kind: 'summary', outcome: event.outcome, lines }) : s.log;
      return { ...s, running: [], finished: true, interrupting: false, log };
    }
  }
}

/** True once any operation began (or was skipped): the run is past the plan and any prompt. */
export function hasStarted(state: ProgressState): boolean {
  return Object.keys(state.status).length > 0;
}

/** The resources in the plan that will do something (noops never start). */
export function changingResources(state: ProgressState): ResourceChange[] {
  return state.plan?.resources.filter((r) => r.action !== 'noop') ?? [];
}

export interface Counts {
  total: number;
  done: number;
  running: number;
  waiting: number;
  failed: number;
  skipped: number;
}

export function countsOf(state: ProgressState): Counts {
  const statuses = Object.values(state.status);
  const count = (status: Status) => statuses.filter((x) => x === status).length;
  const planned = changingResources(state);
  const waiting = planned.filter((r) => state.status[r.resource] === undefined).length;
  // A resource the plan did not list (should not happen) still counts towards the total.
  const total = Math.max(planned.length, statuses.length + waiting);
  return {
    total,
    done: count('done'),
    running: state.running.length,
    waiting,
    failed: count('failed'),
    skipped: count('skipped'),
  };
}

/** Milliseconds left on the critical path of what remains; undefined until something finished. */
export function timeLeftMs(state: ProgressState): number | undefined {
  const running = new Map(state.running.map((r) => [r.resource, r]));
  const remaining: RemainingOp[] = [];
  for (const r of changingResources(state)) {
    const status = state.status[r.resource];
    if (status !== undefined && status !== 'running') continue;
    const op: RemainingOp = { resource: r.resource, action: r.action, dependsOn: r.dependsOn };
    const inFlight = running.get(r.resource);
    if (inFlight !== undefined) op.elapsedMs = state.now - inFlight.startedAt;
    remaining.push(op);
  }
  return estimateRemainingMs(remaining, state.durations);
}
