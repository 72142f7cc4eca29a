/**
 * An error as it may be shown: its message and hint with every secret masked by value. A cloud
 * error that quotes a value it refused, or a template error quoting a variable, then shows
 * `(sensitive)` in its place.
 */
import type { Secrets } from '../common/index.js';
import { DeployError, DeployErrors } from './deploy-error.js';

export function maskError(error: unknown, secrets: Secrets): unknown {
  if (secrets.size === 0) return error;
  if (error instanceof DeployErrors)
    return new DeployErrors(error.errors.map((e) => maskError(e, secrets) as DeployError));
  if (DeployError.is(error)) {
    return new DeployError(error.code, secrets.mask(error.message), {
      ...error.location,
      ...(error.hint !== undefined ? { hint: secrets.mask(error.hint) } : {}),
    });
  }
  if (error instanceof Error) {
    const masked = new Error(secrets.mask(error.message));
    masked.stack = secrets.mask(error.stack ?? masked.message);
    return masked;
  }
  return typeof error === 'string' ? secrets.mask(error) : error;
}
