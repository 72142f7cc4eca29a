/**
 * Typed events the engine emits; it prints nothing. Reporters in src/ui/ render them (Ink,
 * append-only lines, NDJSON). The NDJSON stream is these objects, one per line, after a
 * `version` record: keep changes additive and bump EVENT_SCHEMA_VERSION when breaking.
 */
import type { ChangeAction, Plan } from '../plan/types.js';

export const EVENT_SCHEMA_VERSION = 2;

let lastMs = Number.NaN;
let lastTime = '';

/**
 * The `time` of an event: now, ISO 8601. Formatted once per millisecond: a fast run emits several
 * events in the same one (formatting a date was ~1% of a 500-resource apply's CPU at zero latency).
 */
export function eventTime(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = new Date(now).toISOString();
  }
  return lastTime;
}

export type Command = 'plan' | 'apply' | 'teardown';

/** Why a resource was not attempted. Reporters put it into words (src/ui/words.ts). */
export type SkipReason = 'dependency_failed' | 'stopped' | 'interrupted' | 'replacement_not_created';

/** A step of `--on-failure rollback`: undoing a change, or finding it cannot be undone. */
export type RollbackStep = 'undoing' | 'cannot_restore_deleted';

export interface ErrorInfo {
  code: string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  resource?: string;
}

export interface RunSummary {
  created: number;
  updated: number;
  replaced: number;
  deleted: number;
  unchanged: number;
  failed: number;
  /** Not attempted because of a failure or an interrupt. */
  skipped: number;
  /** With --on-failure rollback: changes of this run undone again. */
  rolledBack?: number;
}

export type EngineEvent =
  | { type: 'run_started'; time: string; command: Command; stack: string; env: string }
  /** The plan is known (for plan, apply and teardown alike). */
  | { type: 'plan_ready'; time: string; plan: Plan }
  /** A resource's operation began. `action` is never `noop`. */
  | { type: 'resource_started'; time: string; resource: string; resourceType: string; action: ChangeAction }
  | {
      type: 'resource_finished';
      time: string;
      resource: string;
      resourceType: string;
      action: ChangeAction;
      identifier?: string;
      durationMs: number;
    }
  | {
      type: 'resource_failed';
      time: string;
      resource: string;
      resourceType: string;
      action: ChangeAction;
      error: ErrorInfo;
      durationMs: number;
    }
  /** Not attempted: a dependency failed, the run stopped, or it was interrupted. */
  | {
      type: 'resource_skipped';
      time: string;
      resource: string;
      resourceType: string;
      action: ChangeAction;
      reason: SkipReason;
    }
  /** Rollback reached this resource; its undo then runs as resource_started/finished/failed. */
  | { type: 'rollback_step'; time: string; resource: string; resourceType: string; step: RollbackStep }
  /** The first interrupt: nothing new starts; operations in flight finish. */
  | { type: 'interrupt_requested'; time: string }
  | { type: 'warning'; time: string; message: string; resource?: string }
  | {
      type: 'run_finished';
      time: string;
      command: Command;
      /** `cancelled`: the confirmation was declined, nothing was changed. */
      outcome: 'success' | 'failed' | 'interrupted' | 'cancelled';
      summary: RunSummary;
      durationMs: number;
      /** Cloud Control requests made, by operation (e.g. `{ "GetResource": 9 }`). */
      cloudCalls?: Record<string, number>;
      error?: ErrorInfo;
    };

/** Where the engine sends events. Reporters implement it. */
export interface EventSink {
  emit(event: EngineEvent): void;
}
