/**
 * Public options of the local cloud and the Cloud Control wire shapes it speaks.
 */
import type { SchemaRegistry } from '../schema/index.js';

export interface FaultRule {
  operation: 'create' | 'update' | 'delete';
  /** Only requests for this type count; undefined = any type. */
  typeName?: string;
  /** 1-based: fail the Nth matching request; 0 = every one. */
  nth: number;
  /** Finish the request as FAILED with this ErrorCode (default GeneralServiceException). */
  errorCode?: string;
  /** Answer synchronously with HTTP 500 ServiceInternalErrorException instead. */
  http500?: boolean;
}

export interface LocalCloudOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 = ephemeral. */
  port?: number;
  /** Persistent store; undefined = in memory. */
  dataDir?: string;
  /** How long a mutation stays IN_PROGRESS: fixed, or uniform in [min, max]. Default 0. */
  latencyMs?: number | [number, number];
  /** How long GetResource and ListResources take to answer: fixed, or uniform in [min, max]. Default 0. */
  readLatencyMs?: number | [number, number];
  /** How long each S3 request takes to answer: fixed, or uniform in [min, max]. Default 0. */
  s3LatencyMs?: number | [number, number];
  /** Requests per second across all operations; above it → ThrottlingException. */
  rateLimit?: number;
  faults?: FaultRule[];
  /** S3 buckets that exist from the start (for state kept in S3). */
  buckets?: readonly string[];
  /** Default schemaRegistry(). */
  registry?: SchemaRegistry;
}

export interface LocalCloud {
  url: string;
  port: number;
  close(): Promise<void>;
}

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export type OperationStatus =
  'PENDING' | 'IN_PROGRESS' | 'SUCCESS' | 'FAILED' | 'CANCEL_IN_PROGRESS' | 'CANCEL_COMPLETE';

/** The HandlerErrorCode values a FAILED ProgressEvent may carry. */
export const ERROR_CODES = [
  'NotUpdatable',
  'InvalidRequest',
  'AccessDenied',
  'InvalidCredentials',
  'AlreadyExists',
  'NotFound',
  'ResourceConflict',
  'Throttling',
  'ServiceLimitExceeded',
  'NotStabilized',
  'GeneralServiceException',
  'ServiceInternalError',
  'ServiceTimeout',
  'NetworkFailure',
  'InternalFailure',
] as const;

/** ProgressEvent as it goes over the wire (timestamps are epoch seconds). */
export interface WireProgressEvent {
  TypeName: string;
  Identifier?: string;
  RequestToken: string;
  Operation: Operation;
  OperationStatus: OperationStatus;
  EventTime: number;
  ResourceModel?: string;
  StatusMessage?: string;
  ErrorCode?: string;
  RetryAfter?: number;
}

/** A JSON object as parsed from DesiredState, PatchDocument results and stored models. */
export type Model = Record<string, unknown>;
