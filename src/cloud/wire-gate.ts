/**
 * The door every Cloud Control request passes on its way to the wire: at most `limit` requests
 * out at once (the run's parallelism). It sits in the SDK's HTTP handler, after the request is
 * built and signed, so a caller can have the next request ready while the wire is full: it
 * leaves the moment an answer arrives, instead of after the SDK's work of building it (about a
 * millisecond a request, paid on every round trip of a plan's reads otherwise). Pacing stays
 * before the SDK (cloud-control-client.ts): a request waits here only for an answer to come
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

/** The request handler of an SDK client, as far as the gate needs it. */
interface RequestHandler<A extends unknown[], R> {
  handle(...args: A): Promise<R>;
}

/**
 * Makes every request of the client whose handler this is pass `gate` (one gate serves every
 * region's client). The SDK's own handler is kept and wrapped in place, not replaced by one
 * built here: importing its package again would cost start-up time for nothing.
 */
export function passThrough<A extends unknown[], R>(handler: RequestHandler<A, R>, gate: WireGate): void {
  const send = handler.handle.bind(handler);
  // Settles when the answer's head arrives; the SDK reads the (small) body after.
  handler.handle = (...args: A) => gate.pass(() => send(...args));
}

/**
 * The SDK's HTTP handler options that go with `gate`: no more sockets than requests out at
 * once. The gate lets the next request go when an answer's head arrives, and that request then
 * takes the answer's socket as soon as its body is read (within the same turn) instead of opening
 * a connection, whose set-up waits for the event loop (16 ms at the start of a 300-resource
 * plan) and on AWS is a TLS handshake.
 */
export function socketsFor(gate: WireGate): { httpAgent: { maxSockets: number }; httpsAgent: { maxSockets: number } } {
  const sockets = { maxSockets: gate.limit };
  return { httpAgent: sockets, httpsAgent: sockets };
}
