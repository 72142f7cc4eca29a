/**
 * The asynchronous life of a mutation, as in AWS: it is answered IN_PROGRESS at once and
 * finishes after the configured latency, as SUCCESS or FAILED. With zero latency it finishes
 * right after the first answer was taken, so that answer still says IN_PROGRESS while the
 * next poll already sees the outcome. A resource with a mutation under way is busy: another
 * mutation on it is refused (ConcurrentOperationException).
 */
import { randomUUID } from 'node:crypto';
import { CloudControlError } from './cloud-error.js';
import { drawLatency } from './env.js';
import type { JournalEntry } from './journal.js';
import { toProgressEvent, type RequestRecord, type StoredResource } from './records.js';
import type { CloudState } from './state.js';
import type { Operation, WireProgressEvent } from './types.js';

/** What a mutation did when it finished. */
export type Outcome =
  | { ok: true; put?: StoredResource; delete?: boolean; resourceModel?: string }
  | { ok: false; errorCode: string; message: string };

export interface MutationRequest {
  region: string;
  operation: Operation;
  typeName: string;
  /** The resource the request is about; while it runs, other mutations of it are refused. */
  identifier?: string;
  /**
   * A create whose identifier the service generates: AWS leaves Identifier out of the
   * ProgressEvent until the resource exists, so the identifier shows only on SUCCESS.
   */
  identifierOnSuccess?: boolean;
  clientToken?: string | undefined;
  fingerprint?: string;
  /** Runs when the latency has passed: checks what must hold then, and says what happened. */
  finish: () => Outcome;
}

interface Pending {
  record: RequestRecord;
  /** The busy-resource key, also when the record does not show the identifier yet. */
  key?: string;
  timer?: NodeJS.Timeout;
  /** Finishes the request (what the timer runs). */
  run: () => void;
}

export class RequestRunner {
  private readonly pending = new Map<string, Pending>();
  private readonly busy = new Map<string, string>();

  constructor(
    private readonly state: CloudState,
    private readonly latency: number | [number, number] | undefined,
  ) {}

  /** Throws ConcurrentOperationException when a mutation on the resource is under way. */
  assertIdle(region: string, typeName: string, identifier: string): void {
    const token = this.busy.get(busyKey(region, typeName, identifier));
    if (token !== undefined) {
      throw new CloudControlError(
        'ConcurrentOperationException',
        `Another resource operation (request ${token}) is in progress on resource of type '${typeName}' with identifier '${identifier}'.`,
      );
    }
  }

  /** Starts a mutation and returns its first ProgressEvent (IN_PROGRESS). */
  start(request: MutationRequest): WireProgressEvent {
    const delay = drawLatency(this.latency);
    const now = Date.now();
    const record: RequestRecord = {
      seq: this.state.seq(),
      region: request.region,
      requestToken: randomUUID(),
      operation: request.operation,
      typeName: request.typeName,
      status: 'IN_PROGRESS',
      eventTime: now,
      retryAfter: now + delay,
    };
    if (request.identifier !== undefined && !request.identifierOnSuccess) record.identifier = request.identifier;
    if (request.clientToken !== undefined) record.clientToken = request.clientToken;
    if (request.fingerprint !== undefined) record.fingerprint = request.fingerprint;
    this.state.addRequest(record);
    const first = toProgressEvent(record);

    const key =
      request.identifier === undefined ? undefined : busyKey(request.region, request.typeName, request.identifier);
    if (key !== undefined) this.busy.set(key, record.requestToken);
    const run = (): void => {
      this.pending.delete(record.requestToken);
      if (key !== undefined) this.busy.delete(key);
      this.complete(record, request.finish, request.identifier);
    };
    if (delay <= 0) {
      run();
    } else {
      const pending: Pending = { record, timer: setTimeout(run, delay), run };
      if (key !== undefined) pending.key = key;
      this.pending.set(record.requestToken, pending);
    }
    return first;
  }

  /**
   * Finishes the request now if its latency has passed and its timer has not run yet (a busy
   * event loop runs timers late): a poll made at RetryAfter sees the outcome, as the answer
   * promised.
   */
  settleIfDue(record: RequestRecord): void {
    const due = record.retryAfter;
    if (!this.pending.has(record.requestToken) || due === undefined || Date.now() < due) return;
    // Everything due no later than this request finishes first, in order, as the timers would
    // have run it: a parent's delete due earlier is gone before a child's create is settled.
    const earlier = [...this.pending.values()]
      .filter((p) => (p.record.retryAfter ?? Infinity) <= due)
      .sort((a, b) => (a.record.retryAfter ?? 0) - (b.record.retryAfter ?? 0));
    for (const pending of earlier) {
      clearTimeout(pending.timer);
      pending.run();
    }
  }

  /** Cancels a mutation still under way; false when it has already finished. */
  cancel(record: RequestRecord): boolean {
    const pending = this.pending.get(record.requestToken);
    if (!pending) return false;
    clearTimeout(pending.timer);
    this.pending.delete(record.requestToken);
    if (pending.key !== undefined) this.busy.delete(pending.key);
    record.status = 'CANCEL_COMPLETE';
    delete record.retryAfter;
    this.state.finish({ request: record });
    return true;
  }

  /** Stops every timer: mutations still under way are abandoned (they never happen). */
  stop(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.busy.clear();
  }

  private complete(record: RequestRecord, finish: () => Outcome, identifier: string | undefined): void {
    let outcome: Outcome;
    try {
      outcome = finish();
    } catch (error) {
      // A bug in a check must not leave the request IN_PROGRESS for ever.
      outcome = {
        ok: false,
        errorCode: 'InternalFailure',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    delete record.retryAfter;
    const entry: JournalEntry = { request: record };
    if (outcome.ok) {
      record.status = 'SUCCESS';
      if (identifier !== undefined) record.identifier = identifier;
      if (outcome.resourceModel !== undefined) record.resourceModel = outcome.resourceModel;
      if (outcome.put) entry.put = outcome.put;
      if (outcome.delete && record.identifier !== undefined) {
        entry.delete = { region: record.region, typeName: record.typeName, identifier: record.identifier };
      }
    } else {
      record.status = 'FAILED';
      record.errorCode = outcome.errorCode;
      record.statusMessage = outcome.message;
    }
    this.state.finish(entry);
  }
}

function busyKey(region: string, typeName: string, identifier: string): string {
  return `${region}\0${typeName}\0${identifier}`;
}
