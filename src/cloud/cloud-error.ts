import { DeployError } from '../errors/index.js';

/** Hints for Cloud Control error codes a user can act on. */
const RETRY_LATER = 'a transient problem on the AWS side: run apply again, it continues from where it stopped';

// Errors of the socket itself, named by their errno code; all but ENOTFOUND (a wrong host) are
// worth another try.
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

const HINTS: Record<string, string> = {
  GeneralServiceException:
    'the service behind Cloud Control refused the request: read its message, fix the value and run apply again',
  NotStabilized: 'the resource did not become ready in time: check it in the AWS console, then run apply again',
  ServiceInternalError: RETRY_LATER,
  ServiceInternalErrorException: RETRY_LATER,
  InternalFailure: RETRY_LATER,
  HandlerInternalFailureException: RETRY_LATER,
  NetworkFailure: RETRY_LATER,
  ServiceLimitExceeded: 'an account quota was reached: raise it in Service Quotas or remove unused resources',
  ServiceLimitExceededException: 'an account quota was reached: raise it in Service Quotas or remove unused resources',
  CredentialsProviderError:
    'no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with --local to use the built-in local cloud',
  UnrecognizedClientException: 'the credentials are not valid for this account; check AWS_PROFILE or the access keys',
  ExpiredTokenException: 'the session credentials have expired; refresh them (e.g. aws sso login) and run again',
  AccessDenied: 'the credentials lack permission for this type; check the IAM policy of the role or user in use',
  AccessDeniedException:
    'the credentials lack permission for this type; check the IAM policy of the role or user in use',
  InvalidCredentials: 'check AWS_PROFILE / AWS_ACCESS_KEY_ID, or run with --local to use the built-in local cloud',
  InvalidCredentialsException:
    'check AWS_PROFILE / AWS_ACCESS_KEY_ID, or run with --local to use the built-in local cloud',
  AlreadyExists:
    'a resource with this name exists but is not in the ledger; rename it in the manifest or delete it first',
  NotFound: 'a resource this one needs does not exist; check the values it references',
  NotUpdatable: 'a create-only property changed; the plan should replace this resource, so re-run plan',
  NotUpdatableException: 'a create-only property changed; the plan should replace this resource, so re-run plan',
  ResourceConflict: 'the resource is busy or still has dependents; retry later, or delete what depends on it first',
  ResourceConflictException:
    'the resource is busy or still has dependents; retry later, or delete what depends on it first',
  ConcurrentOperationException: 'another operation on this resource is in progress; wait for it and retry',
  Throttling: 'Cloud Control is throttling requests; lower --parallelism or --rate-limit',
  ThrottlingException: 'Cloud Control is throttling requests; lower --parallelism or --rate-limit',
  InvalidRequestException:
    'the request does not match the type schema; run `deploy validate` and check the property values',
  ValidationException:
    'the request does not match the type schema; run `deploy validate` and check the property values',
  TypeNotFoundException: 'this type is not available in the region through Cloud Control',
  UnsupportedActionException:
    'Cloud Control cannot do this for the type (its schema has no handler for it); manage it another way',
  ...Object.fromEntries(
    [...SOCKET_ERRORS, 'TimeoutError'].map((code) => [
      code,
      'Cloud Control could not be reached: check the network connection and the endpoint (--endpoint or AWS_ENDPOINT_URL_CLOUDCONTROL, if set)',
    ]),
  ),
};

/** Asynchronous failure codes worth another try (not GeneralServiceException: usually a bad value). */
export const TRANSIENT_FAILURES = new Set(['Throttling', 'ServiceInternalError', 'InternalFailure', 'NetworkFailure']);

/** A Cloud Control failure, synchronous (an exception) or asynchronous (a FAILED request). */
export class CloudError extends DeployError {
  readonly retryable: boolean;
  /**
   * Cloud Control accepted the request and it ended FAILED or cancelled: a final answer, even when
   * a new request might succeed (`retryable`). Otherwise the request may not have been answered.
   */
  readonly requestFailed: boolean;
  constructor(
    code: string,
    message: string,
    options: { retryable?: boolean; requestFailed?: boolean; resource?: string; cause?: unknown } = {},
  ) {
    const hint = HINTS[code];
    super(code, message, {
      ...(hint !== undefined ? { hint } : {}),
      ...(options.resource !== undefined ? { resource: options.resource } : {}),
      cause: options.cause,
    });
    this.retryable = options.retryable ?? false;
    this.requestFailed = options.requestFailed ?? false;
  }

  /** Whether it is known that the request changed nothing it was not reported to have changed. */
  get settled(): boolean {
    return this.requestFailed || !this.retryable;
  }
}

const RETRYABLE = new Set([
  'TimeoutError', // no connection, or no answer, in time (DEFAULT_TIMEOUTS)
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ServiceInternalErrorException',
  'HandlerInternalFailureException',
  'NetworkFailureException',
  'InternalFailure',
  'ServiceUnavailable',
]);

/** Turns an SDK exception into a CloudError; transient ones (throttling, 5xx, sockets) are retryable. */
export function toCloudError(error: unknown): CloudError {
  if (error instanceof CloudError) return error;
  const e = error as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  // A socket error is a plain Error: its errno code says what happened, its name does not.
  const errno = e.code !== undefined && SOCKET_ERRORS.has(e.code) ? e.code : undefined;
  const socket = errno !== undefined && errno !== 'ENOTFOUND';
  const code = errno ?? e.name ?? e.code ?? 'CloudControlError';
  const status = e.$metadata?.httpStatusCode;
  const retryable = RETRYABLE.has(code) || (status !== undefined && status >= 500) || status === 429 || socket;
  return new CloudError(code, e.message ?? String(error), { retryable, cause: error });
}
