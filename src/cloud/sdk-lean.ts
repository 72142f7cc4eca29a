/**
 * Three of the SDK's per-request middlewares, replaced by ones that send and read the same
 * requests for less CPU, the cost a CLI run pays on every request of its first thousands, while
 * V8 still runs the SDK's code cold:
 * - the serializer and deserializer hand the protocol a copy of the whole client config (about
 *   seventy properties) merged with the request's context, one copy each way per request; these
 *   hand it a view of the same values (an object whose prototype is the config), which is all
 *   the protocol does with it: read a few of them (the endpoint, the stream collector);
 * - the retry middleware, with maxAttempts 1 (retries are ours: withRetry in retry.ts, paced by
 *   our one rate limiter), still takes a retry token and resolves its strategy on every request;
 *   this one sets the two headers it sets on a first attempt and the attempt count it records.
 * Requests are written and successful answers read by sdk-json.ts where it can (the protocol
 * otherwise). What reaches the caller is unchanged: the same output, the same exceptions (a
 * service error as the protocol makes it; an answer that cannot be read with the HTTP status in
 * `$metadata`, so a 503 page from a load balancer is still retried).
 */
import { randomUUID } from 'node:crypto';
import type { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { retryMiddlewareOptions } from '@smithy/core/retry';
import { deserializerMiddlewareOption, operation, serializerMiddlewareOption } from '@smithy/core/schema';
import { getSmithyContext, HttpRequest, HttpResponse, toEndpointV1 } from '@smithy/core/transport';
import { readAnswer, writeRequest, type Output, type ReadingProtocol, type WritingProtocol } from './sdk-json.js';

type Config = CloudControlClient['config'];
type Context = Record<string, unknown>;
type Handler = (args: { input: object; request?: unknown }) => Promise<{ response: unknown; output: Output }>;
type Protocol = ReadingProtocol & WritingProtocol;

export function leanMiddleware(client: CloudControlClient): void {
  const stack = client.middlewareStack;
  const config = client.config;
  const protocol = config.protocol as unknown as Protocol;
  for (const name of ['serializerMiddleware', 'deserializerMiddleware', 'retryMiddleware']) stack.remove(name);

  const serialize = (next: Handler, context: Context) => async (args: Parameters<Handler>[0]) => {
    const view = viewOf(config, context);
    const endpoint = context['endpointV2'];
    if (endpoint) view['endpoint'] = async () => toEndpointV1(endpoint as Parameters<typeof toEndpointV1>[0]);
    const request = await writeRequest(protocol, operationOf(context), args.input, view);
    return next({ ...args, request });
  };
  const deserialize = (next: Handler, context: Context) => async (args: Parameters<Handler>[0]) => {
    const { response } = await next(args);
    try {
      return {
        response,
        output: await readAnswer(protocol, operationOf(context), viewOf(config, context), response as HttpResponse),
      };
    } catch (error) {
      throw withResponse(error, response);
    }
  };
  const firstAttempt = (next: Handler) => async (args: Parameters<Handler>[0]) => {
    if (HttpRequest.isInstance(args.request)) {
      args.request.headers['amz-sdk-invocation-id'] = randomUUID();
      args.request.headers['amz-sdk-request'] = 'attempt=1; max=1';
    }
    try {
      const result = await next(args);
      Object.assign(result.output.$metadata, { attempts: 1, totalRetryDelay: 0 });
      return result;
    } catch (error) {
      const thrown = (error instanceof Error ? error : Object.assign(new Error(String(error)), error)) as Error &
        Output;
      thrown.$metadata = Object.assign(thrown.$metadata ?? {}, { attempts: 1, totalRetryDelay: 0 });
      throw thrown;
    }
  };
  // Each under the name, step and priority of the one it replaces (the stack's types are per step).
  const add = stack.add.bind(stack) as (middleware: unknown, options: object) => void;
  add(serialize, serializerMiddlewareOption);
  add(deserialize, deserializerMiddlewareOption);
  add(firstAttempt, retryMiddlewareOptions);
}

/** The client config with the request's context over it, as the SDK's `{ ...config, ...context }` reads. */
function viewOf(config: Config, context: Context): Context {
  return Object.assign(Object.create(config) as Context, context);
}

/** The operation's schema, from the static form the command puts in the context. */
function operationOf(context: Context) {
  const [, namespace, name, traits, input, output] = getSmithyContext(context)['operationSchema'] as unknown[];
  return operation(namespace as string, name as string, traits as never, input as never, output as never);
}

/**
 * An answer the protocol could not read: the raw response kept (hidden, as the SDK keeps it) and,
 * when the protocol made no service error of it, the HTTP status and request id the SDK records.
 */
function withResponse(error: unknown, response: unknown): unknown {
  if (!(error instanceof Object)) return error;
  Object.defineProperty(error, '$response', { value: response, enumerable: false });
  if (!('$metadata' in error) && HttpResponse.isInstance(response)) {
    const requestId = Object.entries(response.headers).find(([name]) => /^x-[\w-]+-request-?id$/.test(name))?.[1];
    Object.assign(error, { $metadata: { httpStatusCode: response.statusCode, requestId } });
  }
  return error;
}
