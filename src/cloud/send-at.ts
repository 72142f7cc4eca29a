/**
 * Status polls that leave when they are due, already built. A poll is due when its mutation is
 * expected to be done (poll-schedule.ts); building and signing it in the SDK takes about a
 * millisecond, so a poll built only once due reached the local cloud 2.3-2.7 ms (median) after
 * the mutation was done, in applies of 300 resources at 200 ms a mutation. So the poll is built
 * `POLL_LEAD_MS` ahead and held after signing, in the SDK's middleware, until its due time; it is
 * never sent earlier than it would have been. A few milliseconds of age mean nothing to a
 * signature, which AWS accepts for minutes.
 */
import { sleep } from './rate-limiter.js';

/** How long before it is due a poll is built. */
export const POLL_LEAD_MS = 5;

/** What the middleware sees of a request: the command's input (the SDK's own type is wider). */
interface Args {
  input: object;
}

type Next = (args: Args) => Promise<unknown>;

export class SendAt {
  /** Due time (epoch ms) by the request token of the poll that is held. */
  readonly #due = new Map<string, number>();

  /**
   * For a poll due in `waitMs`: resolves `POLL_LEAD_MS` before then, time to build it, and holds
   * it (the next request with `requestToken`) until it is due.
   */
  async due(requestToken: string, waitMs: number): Promise<void> {
    const at = Date.now() + waitMs;
    if (waitMs > POLL_LEAD_MS) await sleep(waitMs - POLL_LEAD_MS);
    this.hold(requestToken, at);
  }

  /** The next request with `requestToken` leaves no sooner than `at` (epoch ms). */
  hold(requestToken: string, at: number): void {
    this.#due.set(requestToken, at);
  }

  /** Forgets a hold its poll did not use (it failed before signing). */
  release(requestToken: string): void {
    this.#due.delete(requestToken);
  }

  /** SDK middleware, placed after signing: holds a poll until it is due; anything else passes. */
  middleware(next: Next): Next {
    return (args) => {
      const token = (args.input as { RequestToken?: unknown }).RequestToken;
      const at = typeof token === 'string' ? this.#due.get(token) : undefined;
      if (at === undefined) return next(args);
      this.#due.delete(token as string);
      const whenDue = (): Promise<unknown> => {
        const wait = at - Date.now();
        return wait > 0 ? sleep(wait).then(whenDue) : next(args); // checked again: never early
      };
      return whenDue();
    };
  }
}
