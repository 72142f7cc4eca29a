/**
 * When to ask Cloud Control whether a mutation is done. A poll that finds it still running costs
 * a request (and a slot of the shared pacer) for nothing; a poll made late costs the time in
 * between. So the first poll goes when the mutation is expected to be done: at its RetryAfter
 * when the service gives one, else after the median duration of the same operation on the same
 * type earlier in this run. A poll that finds it still running is followed by one a twentieth of
 * the expected duration later, doubling after each further miss, so a mutation that runs long
 * is found within about 5% of its duration. With nothing to expect, polls start at `initialMs`
 * and double. Waits never exceed `maxMs`.
 */

export interface PollLimits {
  /** First wait when nothing is known of the mutation; also the floor of the backoff without an estimate. */
  initialMs: number;
  /** Longest wait between polls. */
  maxMs: number;
}

/** Durations kept per operation and type: enough for a stable median, few enough to follow change. */
const HISTORY = 32;
/** The shortest wait after a miss: below this a poll costs more than it saves. */
const FLOOR_MS = 5;

/** One mutation's polling: where it is in the schedule. */
export interface PollState {
  /** `CreateResource AWS::…`: durations are learnt per operation and type. */
  key: string;
  startedAt: number;
  /** The wait the next miss doubles. */
  step?: number;
}

export class PollSchedule {
  readonly #durations = new Map<string, number[]>();

  constructor(private readonly limits: PollLimits) {}

  /** How long to wait before the next poll; `retryAfter` is the service's suggestion, if any. */
  wait(state: PollState, retryAfter: Date | undefined, now = Date.now()): number {
    if (state.step === undefined) {
      const expected = retryAfter ? retryAfter.getTime() - state.startedAt : this.#median(state.key);
      if (expected === undefined) {
        state.step = this.limits.initialMs;
        return this.#clamp(state.step);
      }
      state.step = Math.max(FLOOR_MS, expected / 20) / 2;
      return this.#clamp(expected - (now - state.startedAt));
    }
    // Missed: a RetryAfter still ahead is the service's better guess.
    if (retryAfter && retryAfter.getTime() > now) return this.#clamp(retryAfter.getTime() - now);
    state.step = Math.min(this.limits.maxMs, state.step * 2);
    return this.#clamp(state.step);
  }

  /** Records how long a finished mutation took, for the next ones of its kind. */
  done(state: PollState, now = Date.now()): void {
    const list = this.#durations.get(state.key) ?? [];
    list.push(now - state.startedAt);
    if (list.length > HISTORY) list.shift();
    this.#durations.set(state.key, list);
  }

  #median(key: string): number | undefined {
    const list = this.#durations.get(key);
    if (!list?.length) return undefined;
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  }

  #clamp(ms: number): number {
    return Math.min(this.limits.maxMs, Math.max(0, ms));
  }
}
