/** How an error travels in events: plain data, with the user's hint and location kept. */
import { DeployError } from '../errors/index.js';
import type { ErrorInfo } from '../events/events.js';

export function errorInfo(error: unknown): ErrorInfo {
  if (DeployError.is(error)) {
    return {
      code: error.code,
      message: error.message,
      ...(error.hint !== undefined ? { hint: error.hint } : {}),
      ...(error.location.file !== undefined ? { file: error.location.file } : {}),
      ...(error.location.line !== undefined ? { line: error.location.line } : {}),
      ...(error.location.resource !== undefined ? { resource: error.location.resource } : {}),
    };
  }
  return { code: 'InternalError', message: error instanceof Error ? error.message : String(error) };
}
