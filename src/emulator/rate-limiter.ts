/**
 * A token bucket across all operations. The burst equals one second's worth of requests, so
 * a client keeping under the rate on average is never throttled by its own jitter.
 */
export class RateLimiter {
  private readonly capacity: number;
  private tokens: number;
  private last = performance.now();

  constructor(private readonly perSecond: number) {
    this.capacity = Math.max(1, perSecond);
    this.tokens = this.capacity;
  }

  /** Takes one token; false when the bucket is empty (the request must be throttled). */
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
