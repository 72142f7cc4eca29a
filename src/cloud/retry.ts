import { toCloudError, type CloudError } from './cloud-error.js';
import { sleep } from './rate-limiter.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 200, maxDelayMs: 10_000 };

/**
 * Retries transient failures (throttling, 5xx, dropped sockets) with exponential backoff and
 * full jitter, so parallel workers that were throttled together do not retry together. Once
 * `signal` aborts (nobody needs the answer any more: the plan that asked has failed), the last
 * failure is final: no further attempt, and no wait that would keep the process alive.
 */
export async function withRetry<T>(policy: RetryPolicy, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (raw) {
      const error: CloudError = toCloudError(raw);
      if (!error.retryable || attempt >= policy.attempts || signal?.aborted) throw error;
      await sleep(backoff(policy, attempt), signal);
      if (signal?.aborted) throw error;
    }
  }
}

/** Exponential backoff with full jitter, so workers throttled together do not retry together. */
export function backoff(policy: RetryPolicy, attempt: number): number {
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}
