/**
 * An intent: what the engine is about to ask Cloud Control, written to the ledger's journal
 * before the request is sent. A run that dies between sending and recording leaves the intent
 * pending, and the next run resolves it (request status, or the same request re-sent with the
 * same client token) instead of guessing: an in-flight create is adopted, never duplicated.
 */
import { randomUUID } from 'node:crypto';
import { isObject } from '../common/index.js';

export type IntentOperation = 'create' | 'update' | 'delete';

export interface Intent {
  /** The journal sequence number that recorded it; unique within the ledger. */
  id: number;
  resource: string;
  type: string;
  region: string;
  operation: IntentOperation;
  /** Idempotency token sent with the request (retries of a transiently failed request add `-2`, `-3`, …). */
  clientToken: string;
  /** Cloud Control's RequestToken, once the request was accepted. */
  requestToken?: string;
  /** The resource's identifier (update, delete). */
  identifier?: string;
  /** Create and update: the desired state the ledger records once the request succeeds. */
  desired?: Record<string, unknown>;
  /** Update: the JSON Patch document sent. */
  patch?: unknown[];
  /** Recorded with the entry, for teardown order. */
  dependsOn: string[];
  /** A rename: the ledger entry this resource takes over when the request succeeds. */
  renamedFrom?: string;
  /** ISO time the intent was recorded. */
  createdAt: string;
}

/** What a caller says; the ledger adds id, token and time. */
export type IntentRequest = Omit<Intent, 'id' | 'clientToken' | 'requestToken' | 'createdAt'>;

/**
 * The client token of a new intent: a random UUID, stored with the intent, so sending the
 * intent's request again makes Cloud Control return the original request instead of acting
 * twice. Random, not derived from the request: a ledger started afresh (`.deploy/` deleted,
 * state moved to S3, `state rm`) numbers its intents from 1 again, and Cloud Control remembers
 * a token for 36 hours, so a token derived from what the request asks would return the earlier
 * run's request (a create of a resource since deleted) instead of making a new one.
 */
export function newClientToken(): string {
  return randomUUID();
}

/** What is wrong with a stored intent, or undefined when it is well formed. */
export function intentProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object';
  if (!Number.isSafeInteger(value['id']) || (value['id'] as number) < 1) return '"id" must be a positive integer';
  for (const field of ['resource', 'type', 'region', 'clientToken', 'createdAt'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') return `"${field}" must be a non-empty string`;
  }
  if (!['create', 'update', 'delete'].includes(value['operation'] as string)) {
    return '"operation" must be create, update or delete';
  }
  for (const field of ['requestToken', 'identifier', 'renamedFrom'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') return `"${field}" must be a string`;
  }
  if (value['operation'] !== 'create' && typeof value['identifier'] !== 'string') {
    return `a ${String(value['operation'])} needs an "identifier"`;
  }
  if (value['operation'] !== 'delete' && !isObject(value['desired'])) return '"desired" must be an object';
  if (value['patch'] !== undefined && !Array.isArray(value['patch'])) return '"patch" must be a list';
  const deps = value['dependsOn'];
  if (!Array.isArray(deps) || !deps.every((d) => typeof d === 'string')) return '"dependsOn" must be a list of names';
  return undefined;
}
