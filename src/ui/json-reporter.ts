/**
 * `--json`: the event stream as NDJSON, for CI tooling and agents. The first
 * line names the schema and its version so a consumer can refuse a stream it does not know;
 * every other line is an EngineEvent exactly as the engine emitted it (src/events/EVENTS.md).
 */
import { EVENT_SCHEMA_VERSION, type EngineEvent } from '../events/index.js';
import { flushOutput } from './output.js';
import type { Reporter, ReporterOptions } from './types.js';

export const EVENT_SCHEMA_NAME = 'deploy.events';

export interface VersionRecord {
  type: 'version';
  schema: typeof EVENT_SCHEMA_NAME;
  version: number;
}

export function versionRecord(): VersionRecord {
  return { type: 'version', schema: EVENT_SCHEMA_NAME, version: EVENT_SCHEMA_VERSION };
}

export function createJsonReporter(options: Pick<ReporterOptions, 'stdout'>): Reporter {
  const out = options.stdout;
  let closed = false;
  // Written at once, so even a run that fails before its first event yields a typed stream.
  out.write(`${JSON.stringify(versionRecord())}\n`);
  // The lines of one turn of the event loop leave in one write: a write is a system call, and
  // a large apply emits thousands of events, often several in the same turn.
  let lines = '';
  const write = (): void => {
    if (lines === '') return;
    const text = lines;
    lines = '';
    out.write(text);
  };
  return {
    emit(event: EngineEvent): void {
      if (closed) return;
      if (lines === '') setImmediate(write);
      lines += `${JSON.stringify(event)}\n`;
    },
    async close(): Promise<void> {
      closed = true;
      write();
      await flushOutput(out);
    },
  };
}
