/**
 * Account-wide request pacing. Cloud Control publishes no quota but throttles around 25
 * requests/second in practice, so requests are spaced evenly rather
 * than burst and then throttled.
 */
export class RateLimiter {
  private next = 0;
  private readonly intervalMs: number;

  /** `perSecond` of 0 or Infinity means unlimited. */
  constructor(perSecond: number) {
    this.intervalMs = perSecond > 0 && Number.isFinite(perSecond) ? 1000 / perSecond : 0;
  }

  /** Resolves when the caller may send its request. */
  async take(): Promise<void> {
    if (this.intervalMs === 0) return;
    const now = Date.now();
    const slot = Math.max(now, this.next);
    this.next = slot + this.intervalMs;
    if (slot > now) await sleep(slot - now);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
