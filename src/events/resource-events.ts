/**
 * The resource events, built in one place: every one carries the same subject (which resource,
 * of which type, doing what) and the engine only says what happened to it.
 */
import type { ChangeAction } from '../plan/types.js';
import { eventTime, type EngineEvent, type ErrorInfo, type RollbackStep, type SkipReason } from './events.js';

export interface Subject {
  resource: string;
  resourceType: string;
  action: ChangeAction;
}

type Of<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

export const resourceEvent = {
  started: (s: Subject): Of<'resource_started'> => ({ type: 'resource_started', time: eventTime(), ...s }),

  finished: (s: Subject, startedAt: number, identifier?: string): Of<'resource_finished'> => ({
    type: 'resource_finished',
    time: eventTime(),
    ...s,
    ...(identifier !== undefined ? { identifier } : {}),
    durationMs: Date.now() - startedAt,
  }),

  /** The error names the resource even when the cloud's message names only the type. */
  failed: (s: Subject, error: ErrorInfo, startedAt: number): Of<'resource_failed'> => ({
    type: 'resource_failed',
    time: eventTime(),
    ...s,
    error: { ...error, resource: s.resource },
    durationMs: Date.now() - startedAt,
  }),

  skipped: (s: Subject, reason: SkipReason): Of<'resource_skipped'> => ({
    type: 'resource_skipped',
    time: eventTime(),
    ...s,
    reason,
  }),

  rollback: (s: Omit<Subject, 'action'>, step: RollbackStep): Of<'rollback_step'> => ({
    type: 'rollback_step',
    time: eventTime(),
    resource: s.resource,
    resourceType: s.resourceType,
    step,
  }),
};
