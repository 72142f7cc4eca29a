/**
 * The two things the local cloud remembers: resources and resource requests. `seq` orders
 * both by creation, which is what paging and the journal replay rely on.
 */
import type { Model, Operation, OperationStatus, WireProgressEvent } from './types.js';

export interface StoredResource {
  seq: number;
  region: string;
  typeName: string;
  identifier: string;
  /** The full model, write-only properties included (reads strip them). */
  model: Model;
}

export interface RequestRecord {
  seq: number;
  region: string;
  requestToken: string;
  operation: Operation;
  typeName: string;
  identifier?: string;
  status: OperationStatus;
  /** When the request was made, epoch ms. */
  eventTime: number;
  /** When a poll is worth it again (IN_PROGRESS only), epoch ms. */
  retryAfter?: number;
  resourceModel?: string;
  statusMessage?: string;
  errorCode?: string;
  clientToken?: string;
  /** What the request asked for, to tell an idempotent replay from a token conflict. */
  fingerprint?: string;
}

/** Records expire after 7 days, as Cloud Control's do. */
export const REQUEST_TTL_MS = 7 * 24 * 3600 * 1000;
/** A ClientToken is remembered for 36 hours; after that its reuse is a new request. */
export const CLIENT_TOKEN_TTL_MS = 36 * 3600 * 1000;

export function toProgressEvent(record: RequestRecord): WireProgressEvent {
  const event: WireProgressEvent = {
    TypeName: record.typeName,
    RequestToken: record.requestToken,
    Operation: record.operation,
    OperationStatus: record.status,
    EventTime: record.eventTime / 1000,
  };
  if (record.identifier !== undefined) event.Identifier = record.identifier;
  if (record.resourceModel !== undefined) event.ResourceModel = record.resourceModel;
  if (record.statusMessage !== undefined) event.StatusMessage = record.statusMessage;
  if (record.errorCode !== undefined) event.ErrorCode = record.errorCode;
  if (record.retryAfter !== undefined) event.RetryAfter = record.retryAfter / 1000;
  return event;
}
