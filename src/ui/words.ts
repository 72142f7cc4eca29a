/**
 * The words every human reporter uses for an action and a duration, in one place so the lines
 * reporter, the Ink rows and the final summary never drift apart ("created in 3.1s" in one,
 * "create complete after 3s" in another).
 */
import type { RollbackStep, SkipReason } from '../events/index.js';
import type { ChangeAction } from '../plan/types.js';

interface ActionWords {
  /** "creating" */
  doing: string;
  /** "created" */
  done: string;
  /** "create", as in "create failed" */
  verb: string;
}

const WORDS: Record<ChangeAction, ActionWords> = {
  create: { doing: 'creating', done: 'created', verb: 'create' },
  update: { doing: 'updating', done: 'updated', verb: 'update' },
  replace: { doing: 'replacing', done: 'replaced', verb: 'replace' },
  delete: { doing: 'deleting', done: 'deleted', verb: 'delete' },
  // The engine never starts a noop; the entry keeps the table total rather than guessing.
  noop: { doing: 'checking', done: 'unchanged', verb: 'check' },
};

export function actionWords(action: ChangeAction): ActionWords {
  return WORDS[action];
}

const SKIPPED: Record<SkipReason, string> = {
  dependency_failed: 'a resource it depends on failed',
  stopped: 'the run stopped after a failure',
  interrupted: 'interrupted',
  replacement_not_created:
    'its old instance was deleted, but the replacement was not created; run apply again to create it',
};

/** Why a resource was not attempted, in words. */
export function skipWords(reason: SkipReason): string {
  return SKIPPED[reason];
}

/** A rollback step, in words: `rolling back stage`. */
export function rollbackWords(step: RollbackStep, resource: string): string {
  return step === 'undoing' ? `rolling back ${resource}` : `rollback cannot restore ${resource}: it was deleted`;
}

/**
 * A finished operation's duration: tenths under a minute ("3.1s") because most Cloud Control
 * operations take seconds, then minutes and whole seconds ("2m05s") like Terraform.
 */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 60_000) return `${(Math.floor(safe / 100) / 10).toFixed(1)}s`;
  return formatElapsed(safe);
}

/** Time spent so far, in whole seconds ("10s", "1m05s"): it ticks, so tenths would only flicker. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes < 60) return `${minutes}m${String(rest).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** `" [id=…]"` when the identifier is known, empty otherwise. */
export function idSuffix(identifier: string | undefined): string {
  return identifier === undefined || identifier === '' ? '' : ` [id=${identifier}]`;
}

// ESC/CSI sequences and the other C0/C1 controls except newline and tab.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text that came from outside (cloud error messages, reasons, names) with escape sequences and
 * control characters removed: a hostile or sloppy message must not recolour or rewrite the
 * terminal, and CI logs must stay free of escape codes.
 */
export function plain(text: string): string {
  return text.replace(CONTROL, '');
}
