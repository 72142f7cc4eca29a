/**
 * The request-record operations: GetResourceRequestStatus, ListResourceRequests (newest
 * first, filtered by operation and status, MaxResults default 20) and CancelResourceRequest.
 */
import { CloudControlError, invalidRequest } from './cloud-error.js';
import type { CloudContext } from './context.js';
import { paginate } from './pagination.js';
import { toProgressEvent, type RequestRecord } from './records.js';
import type { WireProgressEvent } from './types.js';

function recordOf(ctx: CloudContext, region: string, requestToken: string): RequestRecord {
  const record = ctx.state.request(region, requestToken);
  if (!record) {
    throw new CloudControlError('RequestTokenNotFoundException', `Request with token ${requestToken} was not found.`);
  }
  return record;
}

export function getResourceRequestStatus(
  ctx: CloudContext,
  region: string,
  input: { RequestToken: string },
): { ProgressEvent: WireProgressEvent } {
  const record = recordOf(ctx, region, input.RequestToken);
  ctx.runner.settleIfDue(record);
  return { ProgressEvent: toProgressEvent(record) };
}

export interface ListRequestsInput {
  MaxResults?: number;
  NextToken?: string;
  ResourceRequestStatusFilter?: { Operations?: string[]; OperationStatuses?: string[] };
}

export function listResourceRequests(
  ctx: CloudContext,
  region: string,
  input: ListRequestsInput,
): { ResourceRequestStatusSummaries: WireProgressEvent[]; NextToken?: string } {
  const max = input.MaxResults ?? 20;
  if (!Number.isInteger(max) || max < 1 || max > 100) {
    throw invalidRequest(`MaxResults must be an integer from 1 to 100, got ${String(input.MaxResults)}.`);
  }
  const operations = new Set(input.ResourceRequestStatusFilter?.Operations ?? []);
  const statuses = new Set(input.ResourceRequestStatusFilter?.OperationStatuses ?? []);
  function* matching(): Iterable<RequestRecord> {
    for (const record of ctx.state.requestsOf(region)) {
      if (operations.size && !operations.has(record.operation)) continue;
      if (statuses.size && !statuses.has(record.status)) continue;
      yield record;
    }
  }
  const { page, nextToken } = paginate(matching(), max, input.NextToken, false);
  const result: { ResourceRequestStatusSummaries: WireProgressEvent[]; NextToken?: string } = {
    ResourceRequestStatusSummaries: page.map(toProgressEvent),
  };
  if (nextToken !== undefined) result.NextToken = nextToken;
  return result;
}

/** Only a request still under way can be cancelled; the mutation then never happens. */
export function cancelResourceRequest(
  ctx: CloudContext,
  region: string,
  input: { RequestToken: string },
): { ProgressEvent: WireProgressEvent } {
  const record = recordOf(ctx, region, input.RequestToken);
  const answer: WireProgressEvent = { ...toProgressEvent(record), OperationStatus: 'CANCEL_IN_PROGRESS' };
  delete answer.RetryAfter;
  if (!ctx.runner.cancel(record)) {
    throw new CloudControlError(
      'ConcurrentModificationException',
      `Request ${input.RequestToken} is ${record.status} and can no longer be cancelled; only PENDING or IN_PROGRESS requests can.`,
    );
  }
  return { ProgressEvent: answer };
}
