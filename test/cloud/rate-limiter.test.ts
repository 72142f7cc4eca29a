/**
 * The pacer: requests get slots `1000 / rate` ms apart and leave at the start of their slot's
 * window, never earlier; at a high rate the requests of one window leave together.
 */
import { describe, expect, it } from 'vitest';
import { RateLimiter, WINDOW_MS } from '../../src/cloud/rate-limiter.js';

/** Takes `n` slots at once; resolves with the time each request was let go, from the first take. */
async function release(limiter: RateLimiter, n: number): Promise<number[]> {
  const start = Date.now();
  return Promise.all(Array.from({ length: n }, async () => (await limiter.take(), Date.now() - start)));
}

describe('RateLimiter', () => {
  it('at a low rate lets one request go a slot, none more than a window before its slot', async () => {
    const times = await release(new RateLimiter(20), 4); // a slot every 50 ms
    times.forEach((t, i) => expect(t).toBeGreaterThanOrEqual(i * 50 - WINDOW_MS));
    expect(new Set(times).size).toBe(4);
  });

  it('at a high rate lets the requests of a window go together, keeping the rate on average', async () => {
    const times = await release(new RateLimiter(1000), 50); // a slot every ms: 50 ms of slots
    times.forEach((t, i) => expect(t).toBeGreaterThanOrEqual(i - WINDOW_MS));
    expect(Math.max(...times)).toBeGreaterThanOrEqual(50 - 1 - WINDOW_MS);
    // The first window's ten go at once; each later window's wait on one timer: four, not forty.
    const limiter = new RateLimiter(1000);
    const taken = Array.from({ length: 50 }, () => limiter.take());
    expect(taken.slice(0, WINDOW_MS).every((wait) => wait === undefined)).toBe(true);
    const waits = new Set(taken.filter((w) => w !== undefined));
    expect(waits.size).toBe(4);
    await Promise.all(waits);
  });

  it('does not pace at all without a rate', () => {
    // Nothing to wait for, however many ask at once (timing them would be flaky: the clock may
    // tick between two continuations on a loaded machine).
    const limiter = new RateLimiter(0);
    const taken = Array.from({ length: 100 }, () => limiter.take());
    expect(taken.every((wait) => wait === undefined)).toBe(true);
  });
});
