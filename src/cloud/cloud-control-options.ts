/** How the Cloud Control adapter (cloud-control-client.ts) is set up for a run. */
import type { PollLimits } from './poll-schedule.js';
import type { RetryPolicy } from './retry.js';

export interface CloudControlOptions {
  /** Another Cloud Control endpoint (the local cloud, a proxy); default: AWS. */
  endpoint?: string | undefined;
  /** Fixed credentials (the local cloud accepts any); default: the standard credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Requests per second across all regions; 0 = unlimited. */
  rateLimit: number;
  /** The most requests out at once across all regions (the run's parallelism); default: no bound. */
  inFlight?: number | undefined;
  /** First wait between status polls when nothing says how long a mutation takes, and the longest. */
  poll?: PollLimits;
  retry?: RetryPolicy;
  /** How long a connection may take to open, and a request may go without a byte of its answer. */
  timeouts?: Timeouts;
}

export interface Timeouts {
  connectMs: number;
  idleMs: number;
}

/**
 * Without them a request to an endpoint that drops packets, or over a connection that died
 * silently, waits for the kernel to give up: about two minutes to connect, a quarter of an hour
 * for an answer. Cloud Control answers in well under a second (its operations are asynchronous),
 * so a request that times out is sent again (retry.ts), with its client token if it mutates.
 */
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, idleMs: 60_000 };
