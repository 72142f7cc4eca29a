/**
 * The door every Cloud Control request passes on its way to the wire: at most `limit` requests
 * out at once (the run's parallelism). It sits in the HTTP handler (http-handler.ts), after the
 * request is built and signed, so a caller can have the next request ready while the wire is
 * full: it leaves the moment an answer arrives, instead of after the SDK's work of building it
 * (about a millisecond a request, paid on every round trip of a plan's reads otherwise). Pacing
 * stays before the SDK (cloud-control-client.ts): a request waits here only for an answer to come
 * back, never for the pacer, so its signature is seconds old at most when it leaves, whatever
 * the rate limit.
 */
export class WireGate {
  readonly limit: number;
  readonly #waiting: (() => void)[] = [];
  #out = 0;

  /** `limit` of 0 or Infinity: no bound. */
  constructor(limit: number) {
    this.limit = limit > 0 ? limit : Infinity;
  }

  /** Runs `send` once a slot is free; the slot is freed when it settles. */
  async pass<T>(send: () => Promise<T>): Promise<T> {
    if (this.#out >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#out++;
    try {
      return await send();
    } finally {
      // The slot passes straight to the next in line, so nobody overtakes it.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#out--;
    }
  }
}
