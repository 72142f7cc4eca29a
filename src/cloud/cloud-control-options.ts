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
}
