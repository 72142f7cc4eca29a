/** Writing to an Output and waiting until what was written has left the process. */
import type { Output } from './types.js';

/**
 * Resolves once earlier writes are flushed. A real stream takes an empty write whose callback
 * runs after everything queued before it; a plain `{ write }` object is synchronous, so there
 * is nothing to wait for.
 */
export function flushOutput(out: Output): Promise<void> {
  const stream = out as Partial<NodeJS.WritableStream> & { writableLength?: number; destroyed?: boolean };
  if (typeof stream.writableLength !== 'number' || stream.destroyed === true) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      (stream as NodeJS.WritableStream).write('', () => resolve());
    } catch {
      // A stream closed under us (EPIPE from `| head`): nothing left to wait for.
      resolve();
    }
  });
}
