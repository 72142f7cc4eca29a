/**
 * Errors the emulator answers synchronously, in Cloud Control's own vocabulary. The HTTP
 * status comes from the service's error table: only the server faults are 5xx, which is
 * what makes SDKs retry them (and not, say, ResourceNotFound, which AWS sends as 400).
 */
const SERVER_FAULTS = new Set([
  'ConcurrentModificationException',
  'HandlerFailureException',
  'HandlerInternalFailureException',
  'NetworkFailureException',
  'ServiceInternalErrorException',
  'InternalFailure',
]);

export class CloudControlError extends Error {
  readonly status: number;

  constructor(
    /** The exception name, e.g. `ResourceNotFoundException`. */
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = errorType;
    this.status = SERVER_FAULTS.has(errorType) ? 500 : 400;
  }
}

export const invalidRequest = (message: string): CloudControlError =>
  new CloudControlError('InvalidRequestException', message);

export const validationError = (message: string): CloudControlError =>
  new CloudControlError('ValidationException', message);

export const resourceNotFound = (typeName: string, identifier: string): CloudControlError =>
  new CloudControlError(
    'ResourceNotFoundException',
    `Resource of type '${typeName}' with identifier '${identifier}' was not found.`,
  );

/** The type's schema lists no handler for the operation (AWS wording). */
export const unsupportedAction = (typeName: string, action: string): CloudControlError =>
  new CloudControlError('UnsupportedActionException', `Resource type ${typeName} does not support ${action} action`);
