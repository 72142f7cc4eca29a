/**
 * The narrow interface through which the engine reaches Cloud Control. It lists only what the
 * engine needs, speaks plain data, and knows nothing of the SDK, so the engine stays testable
 * and the wire stays in src/cloud/.
 */
import type { PatchOperation } from '../plan/types.js';

export interface ResourceState {
  identifier: string;
  properties: Record<string, unknown>;
}

export interface MutationOptions {
  /** Idempotency token: the same token makes a retried request return the original result. */
  clientToken?: string;
  /** Called once the request is accepted, with Cloud Control's request token (for cancel/debug). */
  onAccepted?: (requestToken: string) => void;
}

export interface ReadOptions {
  /** Aborted when the answer is no longer needed: a failed attempt is then not retried. */
  signal?: AbortSignal;
}

export interface CloudControlPort {
  /** The resource's full properties, or undefined when it does not exist. */
  getResource(
    typeName: string,
    region: string,
    identifier: string,
    options?: ReadOptions,
  ): Promise<ResourceState | undefined>;
  /** Every resource of the type (all pages), scoped and filtered by `model`. */
  listResources(
    typeName: string,
    region: string,
    model?: Record<string, unknown>,
    options?: ReadOptions,
  ): Promise<ResourceState[]>;
  /** Creates and waits until done; returns the new resource's identifier and model. */
  createResource(
    typeName: string,
    region: string,
    desiredState: Record<string, unknown>,
    options?: MutationOptions,
  ): Promise<ResourceState>;
  updateResource(
    typeName: string,
    region: string,
    identifier: string,
    patch: PatchOperation[],
    options?: MutationOptions,
  ): Promise<ResourceState>;
  deleteResource(typeName: string, region: string, identifier: string, options?: MutationOptions): Promise<void>;
  /**
   * How a request made earlier ended (one a killed run sent): waits while it is in progress,
   * resolves with the resource's identifier on success, throws a CloudError when it failed or
   * was cancelled, and resolves undefined when Cloud Control does not know the token (expired).
   */
  awaitRequest(region: string, requestToken: string): Promise<{ identifier: string } | undefined>;
  /** A mutation request's ProgressEvent (GetResourceRequestStatus), or undefined for an unknown token. */
  requestStatus(region: string, requestToken: string): Promise<Record<string, unknown> | undefined>;
  /** Requests made so far, by Cloud Control operation name (for reports and tests). */
  callCounts(): Record<string, number>;
}
