/**
 * What the create, update and delete handlers share about failing: an injected fault (an HTTP
 * 500 now, or a request that ends FAILED later) and the outcome of a resource gone meanwhile.
 */
import { CloudControlError } from './cloud-error.js';
import type { CloudContext } from './context.js';
import type { FaultRule } from './types.js';
import type { Outcome } from './request-runner.js';

/** Throws the injected HTTP 500 now; returns the FAILED outcome to end the request with, if any. */
export function drawFault(ctx: CloudContext, operation: FaultRule['operation'], typeName: string): Outcome | undefined {
  const fault = ctx.faults.next(operation, typeName);
  if (!fault) return undefined;
  if ('http500' in fault) {
    throw new CloudControlError('ServiceInternalErrorException', 'Injected fault: internal error in the service.');
  }
  return { ok: false, errorCode: fault.errorCode, message: `Injected fault: ${fault.errorCode}.` };
}

/** The request's resource disappeared before it finished (deleted by another request). */
export function notFoundOutcome(typeName: string, identifier: string): Outcome {
  return {
    ok: false,
    errorCode: 'NotFound',
    message: `Resource of type '${typeName}' with identifier '${identifier}' was not found.`,
  };
}
