/**
 * The Cloud Control adapter: the one place that talks to the AWS SDK. One client per region,
 * account-wide pacing and a bound on requests out at once (wire-gate.ts), retries of transient
 * failures, and mutations polled when they are expected to be done (poll-schedule.ts).
 */
import {
  CloudControlClient,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourcesCommand,
  UpdateResourceCommand,
  type ProgressEvent,
} from '@aws-sdk/client-cloudcontrol';
import { isObject } from '../common/index.js';
import type { PatchOperation } from '../plan/types.js';
import { CloudError, toCloudError, TRANSIENT_FAILURES } from './cloud-error.js';
import { DEFAULT_TIMEOUTS, type CloudControlOptions } from './cloud-control-options.js';
import { PollSchedule, type PollState } from './poll-schedule.js';
import type { CloudControlPort, MutationOptions, ReadOptions, ResourceState } from './port.js';
import { RateLimiter, sleep } from './rate-limiter.js';
import { backoff, DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';
import { SendAt } from './send-at.js';
import { sdkClient } from './sdk-client.js';
import { WireGate } from './wire-gate.js';

// deploy supports Node 20; the SDK's notice that its future releases will not is for us.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

/** One request through a region's SDK client. */
type Send<T> = (client: CloudControlClient) => Promise<T>;

export class SdkCloudControl implements CloudControlPort {
  private readonly clients = new Map<string, CloudControlClient>();
  private readonly limiter: RateLimiter;
  private readonly gate: WireGate;
  private readonly counts: Record<string, number> = {};
  private readonly polls: PollSchedule;
  private readonly sendAt = new SendAt();
  private readonly retry: RetryPolicy;

  constructor(private readonly options: CloudControlOptions) {
    this.limiter = new RateLimiter(options.rateLimit);
    this.gate = new WireGate(options.inFlight ?? 0);
    this.polls = new PollSchedule(options.poll ?? { initialMs: 250, maxMs: 5_000 });
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  callCounts(): Record<string, number> {
    return { ...this.counts };
  }

  async getResource(
    typeName: string,
    region: string,
    identifier: string,
    options: ReadOptions = {},
  ): Promise<ResourceState | undefined> {
    try {
      const get = (c: CloudControlClient) =>
        c.send(new GetResourceCommand({ TypeName: typeName, Identifier: identifier }));
      const out = await this.call('GetResource', region, get, options.signal);
      const { Identifier, Properties } = out.ResourceDescription ?? {};
      return { identifier: Identifier ?? identifier, properties: parseJson(Properties) };
    } catch (error) {
      if (error instanceof CloudError && error.code === 'ResourceNotFoundException') return undefined;
      throw error;
    }
  }

  async listResources(
    typeName: string,
    region: string,
    model?: Record<string, unknown>,
    options: ReadOptions = {},
  ): Promise<ResourceState[]> {
    const found: ResourceState[] = [];
    let nextToken: string | undefined;
    do {
      const input = {
        TypeName: typeName,
        ...(model ? { ResourceModel: JSON.stringify(model) } : {}),
        ...(nextToken ? { NextToken: nextToken } : {}),
      };
      const list = (c: CloudControlClient) => c.send(new ListResourcesCommand(input));
      const out = await this.call('ListResources', region, list, options.signal);
      for (const d of out.ResourceDescriptions ?? []) {
        found.push({ identifier: d.Identifier ?? '', properties: parseJson(d.Properties) });
      }
      nextToken = out.NextToken;
    } while (nextToken);
    return found;
  }

  async createResource(
    typeName: string,
    region: string,
    desiredState: Record<string, unknown>,
    options: MutationOptions = {},
  ): Promise<ResourceState> {
    const done = await this.mutate(`CreateResource ${typeName}`, region, options, (clientToken) =>
      this.call('CreateResource', region, (c) =>
        c.send(
          new CreateResourceCommand({
            TypeName: typeName,
            DesiredState: JSON.stringify(desiredState),
            ...(clientToken ? { ClientToken: clientToken } : {}),
          }),
        ),
      ),
    );
    // The final event names the resource: AWS leaves Identifier out of the first answer when
    // the service generates it, so only the SUCCESS event is sure to carry it.
    const identifier = done.Identifier;
    if (!identifier)
      throw new CloudError('InvalidResponse', `Cloud Control created a ${typeName} but named no identifier`);
    if (done.ResourceModel) return { identifier, properties: parseJson(done.ResourceModel) };
    // Some handlers finish without a model: read it, since exports need the generated values.
    return (await this.getResource(typeName, region, identifier)) ?? { identifier, properties: desiredState };
  }

  async updateResource(
    typeName: string,
    region: string,
    identifier: string,
    patch: PatchOperation[],
    options: MutationOptions = {},
  ): Promise<ResourceState> {
    const done = await this.mutate(`UpdateResource ${typeName}`, region, options, (clientToken) =>
      this.call('UpdateResource', region, (c) =>
        c.send(
          new UpdateResourceCommand({
            TypeName: typeName,
            Identifier: identifier,
            PatchDocument: JSON.stringify(patch),
            ...(clientToken ? { ClientToken: clientToken } : {}),
          }),
        ),
      ),
    );
    if (done.ResourceModel) return { identifier, properties: parseJson(done.ResourceModel) };
    return (await this.getResource(typeName, region, identifier)) ?? { identifier, properties: {} };
  }

  async deleteResource(
    typeName: string,
    region: string,
    identifier: string,
    options: MutationOptions = {},
  ): Promise<void> {
    try {
      await this.mutate(`DeleteResource ${typeName}`, region, options, (clientToken) =>
        this.call('DeleteResource', region, (c) =>
          c.send(
            new DeleteResourceCommand({
              TypeName: typeName,
              Identifier: identifier,
              ...(clientToken ? { ClientToken: clientToken } : {}),
            }),
          ),
        ),
      );
    } catch (error) {
      // Already gone is what a delete wants: a retried or concurrent teardown is not a failure.
      if (error instanceof CloudError && (error.code === 'ResourceNotFoundException' || error.code === 'NotFound'))
        return;
      throw error;
    }
  }

  async requestStatus(region: string, requestToken: string): Promise<Record<string, unknown> | undefined> {
    const event = await this.statusOf(region, requestToken);
    return event && (JSON.parse(JSON.stringify(event)) as Record<string, unknown>); // dates as ISO text
  }

  async awaitRequest(region: string, requestToken: string): Promise<{ identifier: string } | undefined> {
    const first = await this.statusOf(region, requestToken);
    if (!first) return undefined;
    // A request another run made: what is learnt is how long such requests still take from here.
    const done = await this.waitFor(region, first, {}, { key: 'awaited request', startedAt: Date.now() });
    return { identifier: done.Identifier ?? '' };
  }

  /** A request's progress event, or undefined when Cloud Control does not know its token. */
  private async statusOf(region: string, requestToken: string): Promise<ProgressEvent | undefined> {
    try {
      const out = await this.call('GetResourceRequestStatus', region, (c) =>
        c.send(new GetResourceRequestStatusCommand({ RequestToken: requestToken })),
      );
      return out.ProgressEvent ?? {};
    } catch (error) {
      if (error instanceof CloudError && error.code === 'RequestTokenNotFoundException') return undefined;
      throw error;
    }
  }

  /**
   * Submits a mutation and waits for it. A request that ends FAILED for a transient reason
   * (throttling downstream, an internal error) is submitted again after a jittered backoff. Each
   * new submission carries a derived client token: the original token would only return the
   * original, failed, request.
   */
  private async mutate(
    kind: string,
    region: string,
    options: MutationOptions,
    submit: (clientToken: string | undefined) => Promise<{ ProgressEvent?: ProgressEvent | undefined }>,
  ): Promise<ProgressEvent> {
    for (let attempt = 1; ; attempt++) {
      const token = options.clientToken && attempt > 1 ? `${options.clientToken}-${attempt}` : options.clientToken;
      const poll: PollState = { key: kind, startedAt: Date.now() };
      const out = await submit(token);
      try {
        return await this.waitFor(region, out.ProgressEvent, options, poll);
      } catch (error) {
        if (!(error instanceof CloudError) || !error.retryable || attempt >= this.retry.attempts) throw error;
        await sleep(backoff(this.retry, attempt));
      }
    }
  }

  /** Polls a mutation until it is SUCCESS (returned) or FAILED / cancelled (thrown). */
  private async waitFor(
    region: string,
    first: ProgressEvent | undefined,
    options: MutationOptions,
    poll: PollState,
  ): Promise<ProgressEvent> {
    let event = first ?? {};
    if (event.RequestToken) options.onAccepted?.(event.RequestToken);
    for (;;) {
      switch (event.OperationStatus) {
        case 'SUCCESS':
          this.polls.done(poll);
          return event;
        case 'FAILED':
          throw new CloudError(event.ErrorCode ?? 'Failed', event.StatusMessage ?? 'the request failed', {
            retryable: TRANSIENT_FAILURES.has(event.ErrorCode ?? ''),
            requestFailed: true,
          });
        case 'CANCEL_COMPLETE':
          throw new CloudError('Cancelled', 'the request was cancelled', { requestFailed: true });
        default:
          break;
      }
      const token = event.RequestToken;
      if (!token) throw new CloudError('InvalidResponse', 'Cloud Control returned no request token');
      await this.sendAt.due(token, this.polls.wait(poll, event.RetryAfter)); // built ahead, held until due
      try {
        const status = await this.call('GetResourceRequestStatus', region, (c) =>
          c.send(new GetResourceRequestStatusCommand({ RequestToken: token })),
        );
        event = status.ProgressEvent ?? {};
      } finally {
        this.sendAt.release(token);
      }
    }
  }

  private client(region: string): CloudControlClient {
    let client = this.clients.get(region);
    if (!client) {
      const { endpoint, credentials, timeouts = DEFAULT_TIMEOUTS } = this.options;
      client = sdkClient({ region, endpoint, credentials, gate: this.gate, sendAt: this.sendAt, timeouts });
      this.clients.set(region, client);
    }
    return client;
  }

  /** Sends one request: paced, retried when transient (until `signal` aborts), counted by operation name. */
  private call<T>(operation: string, region: string, request: Send<T>, signal?: AbortSignal): Promise<T> {
    const attempt = async (): Promise<T> => {
      await this.limiter.take();
      this.counts[operation] = (this.counts[operation] ?? 0) + 1;
      try {
        return await request(this.client(region));
      } catch (error) {
        throw toCloudError(error);
      }
    };
    return withRetry(this.retry, attempt, signal);
  }

  /** Releases sockets so the process can exit promptly. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}

function parseJson(text: string | undefined): Record<string, unknown> {
  const value: unknown = text ? JSON.parse(text) : undefined;
  return isObject(value) ? value : {};
}
