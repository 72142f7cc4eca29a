/**
 * The closing words of a run, shared by the lines and Ink reporters so CI logs and terminals
 * end the same way. Counts come from the engine's RunSummary (the authority); the reporter
 * passes the failures it saw so the last lines name them even after a long log.
 */
import type { ChangeAction } from '../plan/types.js';
import type { EngineEvent, ErrorInfo, RunSummary } from '../events/index.js';
import { actionWords, plain } from './words.js';

export type RunFinished = Extract<EngineEvent, { type: 'run_finished' }>;

export interface SeenFailure {
  resource: string;
  action: ChangeAction;
  error: ErrorInfo;
}

const TITLES = { plan: 'Plan', apply: 'Apply', teardown: 'Teardown' } as const;
const OUTCOMES = { success: 'complete', failed: 'failed', interrupted: 'interrupted', cancelled: 'cancelled' } as const;

/** The summary, one string per line. Empty for a successful plan: its footer already said it. */
export function summaryLines(event: RunFinished, failures: readonly SeenFailure[]): string[] {
  const lines: string[] = [];
  const head = `${TITLES[event.command]} ${OUTCOMES[event.outcome]}`;
  if (event.command === 'plan') {
    if (event.outcome !== 'success') lines.push(`${head}.`);
  } else if (event.outcome === 'cancelled') {
    lines.push(`${head}: nothing was changed.`);
  } else if (event.error && nothingHappened(event.summary)) {
    // Refused before any change (a lock, a stale plan): a row of zeros would only mislead.
    lines.push(`${head}: ${event.error.code} (the error and what to do follow on stderr).`);
  } else {
    lines.push(`${head}: ${countWords(event.command, event.outcome, event.summary)}.`);
  }
  // event.error is not repeated here: it is set when the run threw, and the CLI prints thrown
  // errors (with their hint) on stderr; saying it on stdout too would say it twice in CI logs.
  for (const f of failures) lines.push(`  ${failureText(f.resource, f.action, f.error)}`);
  return lines;
}

function nothingHappened(s: RunSummary): boolean {
  return s.created + s.updated + s.replaced + s.deleted + s.failed + s.skipped === 0;
}

function countWords(command: 'apply' | 'teardown', outcome: RunFinished['outcome'], s: RunSummary): string {
  const parts: string[] = [];
  if (s.failed > 0) parts.push(`${s.failed} failed`);
  if (command === 'teardown') parts.push(`${s.deleted} deleted`);
  else parts.push(`${s.created} created`, `${s.updated} updated`, `${s.replaced} replaced`, `${s.deleted} deleted`);
  if (s.skipped > 0 || outcome !== 'success') parts.push(`${s.skipped} not attempted`);
  if (s.rolledBack !== undefined) parts.push(`${s.rolledBack} rolled back`);
  return parts.join(', ');
}

/** `integration: create failed: Code: message` */
export function failureText(resource: string, action: ChangeAction, error: ErrorInfo): string {
  return `${plain(resource)}: ${actionWords(action).verb} failed: ${errorText(error)}`;
}

/** `Code: message`, continuation lines indented so a multi-line cloud message stays one block. */
export function errorText(error: ErrorInfo): string {
  return `${plain(error.code)}: ${plain(error.message).replace(/\n/g, '\n    ')}`;
}
