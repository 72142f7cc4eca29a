/**
 * The local cloud's knobs from environment variables (see SPEC.md):
 *   DEPLOY_LOCAL_LATENCY_MS       "200" or "100-500"
 *   DEPLOY_LOCAL_READ_LATENCY_MS  the same, for GetResource and ListResources
 *   DEPLOY_LOCAL_RATE_LIMIT       requests per second
 *   DEPLOY_LOCAL_FAULTS           the fault string of faults.ts
 */
import { DeployError } from '../errors/index.js';
import { parseFaults } from './faults.js';
import type { LocalCloudOptions } from './types.js';

export function localCloudOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<LocalCloudOptions> {
  const options: Partial<LocalCloudOptions> = {};
  const latency = env['DEPLOY_LOCAL_LATENCY_MS']?.trim();
  if (latency) options.latencyMs = parseLatency(latency, 'DEPLOY_LOCAL_LATENCY_MS');
  const readLatency = env['DEPLOY_LOCAL_READ_LATENCY_MS']?.trim();
  if (readLatency) options.readLatencyMs = parseLatency(readLatency, 'DEPLOY_LOCAL_READ_LATENCY_MS');
  const s3Latency = env['DEPLOY_LOCAL_S3_LATENCY_MS']?.trim();
  if (s3Latency) options.s3LatencyMs = parseLatency(s3Latency, 'DEPLOY_LOCAL_S3_LATENCY_MS');
  const rate = env['DEPLOY_LOCAL_RATE_LIMIT']?.trim();
  if (rate) options.rateLimit = parseRate(rate);
  const faults = env['DEPLOY_LOCAL_FAULTS']?.trim();
  if (faults) options.faults = parseFaults(faults);
  return options;
}

export function parseLatency(text: string, source = 'latency'): number | [number, number] {
  const match = /^(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?$/.exec(text);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? undefined : Number(match[2]);
  if (!match || (max !== undefined && max < min)) {
    throw new DeployError('InvalidLatency', `${source}: '${text}' is not a latency`, {
      hint: 'give milliseconds, fixed ("200") or a range ("100-500")',
    });
  }
  return max === undefined ? min : [min, max];
}

function parseRate(text: string): number {
  const rate = Number(text);
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new DeployError('InvalidRateLimit', `DEPLOY_LOCAL_RATE_LIMIT: '${text}' is not a positive number`, {
      hint: 'give requests per second, e.g. DEPLOY_LOCAL_RATE_LIMIT=25',
    });
  }
  return rate;
}

/** A latency draw for one request. */
export function drawLatency(latency: number | [number, number] | undefined): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return Math.max(0, latency);
  const [min, max] = latency;
  return Math.max(0, min + Math.random() * (max - min));
}

/**
 * Runs `answer` once a latency drawn from `latency` has passed since `arrived` (a
 * `performance.now()` taken when the request came in), at once when there is none. Counting from
 * the arrival, not from when the answer is ready, keeps the local cloud's own work inside the
 * latency, as a real service's is: a read at 100 ms is answered 100 ms after it arrived, not
 * sooner (Node's timers count from the event loop's cached clock and may fire up to a
 * millisecond early: the rest is waited for) and not later than the timer allows.
 */
export function afterLatency(
  latency: number | [number, number] | undefined,
  answer: () => void,
  arrived = performance.now(),
): void {
  const due = arrived + drawLatency(latency);
  const wait = (): void => {
    const left = due - performance.now();
    if (left > 0) setTimeout(wait, left);
    else answer();
  };
  wait();
}
