/** The shapes shared by every reporter and by the CLI that picks one. */
import type { EventSink } from '../events/index.js';

export type ReporterKind = 'ink' | 'lines' | 'json';

/** Where a reporter writes: process.stdout, or anything with `write` (tests, buffers). */
export type Output = NodeJS.WriteStream | { write(s: string): boolean; isTTY?: boolean; columns?: number };

export interface Reporter extends EventSink {
  /** Flush and unmount; resolves when all output is written. Safe to call twice. */
  close(): Promise<void>;
}

export interface ReporterOptions {
  stdout: Output;
  /** Where the Ink reporter says, once, that its live view could not load. */
  stderr?: Output;
  /** False with NO_COLOR or --no-color. Only the Ink reporter and formatPlan colour anything. */
  color: boolean;
  /** --diff: property-level changes under each resource in the plan. */
  showDiff: boolean;
  /** Injectable clock for tests (ms since epoch); defaults to Date.now. */
  now?: () => number;
  /** How often the lines reporter says an operation is still running; default 10000. */
  heartbeatMs?: number;
}
