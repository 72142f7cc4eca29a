/**
 * The append-only reporter for CI and pipes: one line per event, never
 * rewritten, no escape codes, and a heartbeat while an operation runs so a CI system does not
 * kill a job it thinks has stalled, without Pulumi's walls of dots.
 */
import type { Command, EngineEvent } from '../events/index.js';
import type { ChangeAction, Plan } from '../plan/types.js';
import { formatPlan } from './format-plan.js';
import { flushOutput } from './output.js';
import { errorText, summaryLines, type SeenFailure } from './run-summary.js';
import type { Reporter, ReporterOptions } from './types.js';
import { actionWords, formatDuration, formatElapsed, idSuffix, plain, rollbackWords, skipWords } from './words.js';

export const DEFAULT_HEARTBEAT_MS = 10_000;

export const INTERRUPT_MESSAGE =
  'Interrupt received: finishing operations in flight, starting nothing new. Press Ctrl-C again to exit now.';

export function createLinesReporter(options: ReporterOptions): Reporter {
  return new LinesReporter(options);
}

class LinesReporter implements Reporter {
  private readonly now: () => number;
  private readonly heartbeatMs: number;
  /** Heartbeat timer of each operation in flight, by resource. */
  private readonly running = new Map<string, ReturnType<typeof setInterval>>();
  private readonly failures: SeenFailure[] = [];
  private plan: Plan | undefined;
  private command: Command | undefined;
  private closed = false;

  constructor(private readonly options: ReporterOptions) {
    this.now = options.now ?? Date.now;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  emit(event: EngineEvent): void {
    if (this.closed) return;
    switch (event.type) {
      case 'run_started':
        this.command = event.command;
        return;
      case 'plan_ready':
        this.plan = event.plan;
        this.write(formatPlan(event.plan, { showDiff: this.options.showDiff, color: false }));
        // Separates the plan from the progress that follows; a plan run ends here.
        if (this.command !== 'plan') this.write('');
        return;
      case 'resource_started': {
        const known = event.action === 'create' ? undefined : this.identifierOf(event.resource);
        this.write(`${plain(event.resource)}: ${actionWords(event.action).doing}...${idSuffix(known)}`);
        this.startHeartbeat(event.resource, event.action);
        return;
      }
      case 'resource_finished': {
        this.stopHeartbeat(event.resource);
        const id = event.identifier ?? this.identifierOf(event.resource);
        const words = actionWords(event.action);
        this.write(`${plain(event.resource)}: ${words.done} in ${formatDuration(event.durationMs)}${idSuffix(id)}`);
        return;
      }
      case 'resource_failed': {
        this.stopHeartbeat(event.resource);
        this.failures.push({ resource: event.resource, action: event.action, error: event.error });
        const verb = actionWords(event.action).verb;
        this.write(
          `${plain(event.resource)}: ${verb} failed after ${formatDuration(event.durationMs)}: ${errorText(event.error)}`,
        );
        if (event.error.hint !== undefined) this.write(`  hint: ${plain(event.error.hint)}`);
        return;
      }
      case 'resource_skipped':
        this.stopHeartbeat(event.resource);
        this.write(`${plain(event.resource)}: not attempted (${skipWords(event.reason)})`);
        return;
      case 'rollback_step':
        this.write(rollbackWords(event.step, plain(event.resource)));
        return;
      case 'interrupt_requested':
        this.write(INTERRUPT_MESSAGE);
        return;
      case 'warning':
        this.write(
          `warning: ${event.resource === undefined ? '' : `${plain(event.resource)}: `}${plain(event.message)}`,
        );
        return;
      case 'run_finished': {
        this.stopAll();
        const lines = summaryLines(event, this.failures);
        if (lines.length > 0) this.write(['', ...lines].join('\n'));
        return;
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopAll();
    await flushOutput(this.options.stdout);
  }

  private write(text: string): void {
    this.options.stdout.write(`${text}\n`);
  }

  private identifierOf(resource: string): string | undefined {
    return this.plan?.resources.find((r) => r.resource === resource)?.identifier;
  }

  private startHeartbeat(resource: string, action: ChangeAction): void {
    this.stopHeartbeat(resource);
    const startedAt = this.now();
    const doing = actionWords(action).doing;
    const timer = setInterval(() => {
      // Rounded, so timer jitter (10 002 ms) still reads as the 10 s the user expects.
      const elapsed = Math.round((this.now() - startedAt) / 1000) * 1000;
      this.write(`${plain(resource)}: still ${doing}... [${formatElapsed(elapsed)} elapsed]`);
    }, this.heartbeatMs);
    // A heartbeat must never be what keeps the process alive.
    timer.unref?.();
    this.running.set(resource, timer);
  }

  private stopHeartbeat(resource: string): void {
    const timer = this.running.get(resource);
    if (timer === undefined) return;
    clearInterval(timer);
    this.running.delete(resource);
  }

  private stopAll(): void {
    for (const resource of [...this.running.keys()]) this.stopHeartbeat(resource);
  }
}
