/**
 * The eight Cloud Control operations behind one dispatch: checks the input members the way
 * the service's front end does (ValidationException for a missing or mistyped member), then
 * hands over to the operation.
 */
import { CloudControlError, validationError } from './cloud-error.js';
import type { CloudContext } from './context.js';
import { isObject } from './json.js';
import { createResource } from './op-create.js';
import { deleteResource } from './op-delete.js';
import { getResource, listResources } from './op-read.js';
import { cancelResourceRequest, getResourceRequestStatus, listResourceRequests } from './op-requests.js';
import { updateResource } from './op-update.js';
import type { RateLimiter } from './rate-limiter.js';

type Input = Record<string, unknown>;
type Handler = (ctx: CloudContext, region: string, input: Input) => unknown;

const TYPE_NAME = /^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$/;

/** Member checks per operation: required strings, optional strings. */
/**
 * The service model's length limits on documents (ListResources' ResourceModel was raised to
 * 262144 in the current API reference). They also keep one request from filling the memory.
 */
const MAX_LENGTH: Record<string, number> = {
  DesiredState: 65536,
  PatchDocument: 65536,
  ResourceModel: 262144,
  ClientToken: 128,
  Identifier: 1024,
};

const OPERATIONS: Record<string, { required: string[]; optional: string[]; run: Handler }> = {
  CreateResource: {
    required: ['TypeName', 'DesiredState'],
    optional: ['TypeVersionId', 'RoleArn', 'ClientToken'],
    run: (ctx, region, input) => createResource(ctx, region, input as never),
  },
  GetResource: {
    required: ['TypeName', 'Identifier'],
    optional: ['TypeVersionId', 'RoleArn'],
    run: (ctx, region, input) => getResource(ctx, region, input as never),
  },
  UpdateResource: {
    required: ['TypeName', 'Identifier', 'PatchDocument'],
    optional: ['TypeVersionId', 'RoleArn', 'ClientToken'],
    run: (ctx, region, input) => updateResource(ctx, region, input as never),
  },
  DeleteResource: {
    required: ['TypeName', 'Identifier'],
    optional: ['TypeVersionId', 'RoleArn', 'ClientToken'],
    run: (ctx, region, input) => deleteResource(ctx, region, input as never),
  },
  ListResources: {
    required: ['TypeName'],
    optional: ['TypeVersionId', 'RoleArn', 'NextToken', 'ResourceModel'],
    run: (ctx, region, input) => listResources(ctx, region, input as never),
  },
  GetResourceRequestStatus: {
    required: ['RequestToken'],
    optional: [],
    run: (ctx, region, input) => getResourceRequestStatus(ctx, region, input as never),
  },
  ListResourceRequests: {
    required: [],
    optional: ['NextToken'],
    run: (ctx, region, input) => {
      checkListRequestsInput(input);
      return listResourceRequests(ctx, region, input);
    },
  },
  CancelResourceRequest: {
    required: ['RequestToken'],
    optional: [],
    run: (ctx, region, input) => cancelResourceRequest(ctx, region, input as never),
  },
};

export class CloudControlService {
  constructor(
    private readonly ctx: CloudContext,
    private readonly limiter: RateLimiter | undefined,
  ) {}

  /** Runs one operation; throws CloudControlError for every error answer. */
  handle(operation: string, input: unknown, region: string): unknown {
    // Own keys only: `constructor` or `toString` are no operations, whatever the prototype says.
    const spec = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
    if (!spec) {
      throw new CloudControlError(
        'UnknownOperationException',
        `Operation '${operation}' is not supported by CloudApiService.`,
      );
    }
    if (this.limiter && !this.limiter.take()) throw new CloudControlError('ThrottlingException', 'Rate exceeded');
    if (!isObject(input))
      throw new CloudControlError('SerializationException', 'The request body must be a JSON object.');
    const problems: string[] = [];
    for (const name of spec.required) {
      if (input[name] === undefined || input[name] === null) {
        problems.push(`Value null at '${camel(name)}' failed to satisfy constraint: Member must not be null`);
      }
    }
    for (const name of [...spec.required, ...spec.optional]) {
      const value = input[name];
      if (value !== undefined && value !== null && typeof value !== 'string') {
        problems.push(`Value at '${camel(name)}' failed to satisfy constraint: Member must be a string`);
      } else if (value === '') {
        problems.push(
          `Value '' at '${camel(name)}' failed to satisfy constraint: Member must have length greater than or equal to 1`,
        );
      }
    }
    for (const [name, max] of Object.entries(MAX_LENGTH)) {
      const value = input[name];
      if (typeof value === 'string' && value.length > max) {
        problems.push(
          `Value at '${camel(name)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
        );
      }
    }
    const typeName = input['TypeName'];
    if (typeof typeName === 'string' && typeName !== '' && !TYPE_NAME.test(typeName)) {
      problems.push(
        `Value '${typeName}' at 'typeName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${TYPE_NAME.source}`,
      );
    }
    if (problems.length)
      throw validationError(
        `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`,
      );
    return spec.run(this.ctx, region, withoutNulls(input));
  }
}

function checkListRequestsInput(input: Input): void {
  const max = input['MaxResults'];
  if (max !== undefined && max !== null && typeof max !== 'number') {
    throw validationError(
      `1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must be a number`,
    );
  }
  const filter = input['ResourceRequestStatusFilter'];
  if (filter === undefined || filter === null) return;
  const lists = isObject(filter) ? [filter['Operations'], filter['OperationStatuses']] : [undefined, 'x'];
  for (const list of lists) {
    if (list !== undefined && list !== null && !(Array.isArray(list) && list.every((v) => typeof v === 'string'))) {
      throw validationError(
        `1 validation error detected: Value at 'resourceRequestStatusFilter' failed to satisfy constraint: Member must be an object with lists of strings`,
      );
    }
  }
}

// JSON null means "absent" in awsJson; dropping nulls lets handlers test for undefined only.
function withoutNulls(input: Input): Input {
  const result: Input = {};
  for (const [key, value] of Object.entries(input)) if (value !== null) result[key] = value;
  return result;
}

const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
