/**
 * The wire gate: at most `limit` requests out at once, the next in line leaving as soon as one
 * settles (whether it succeeded or failed), in the order they came.
 */
import { describe, expect, it } from 'vitest';
import { WireGate } from '../../src/cloud/wire-gate.js';

/** A request the test answers by hand. */
function held(): { promise: Promise<string>; answer: (value: string) => void; fail: () => void } {
  let answer!: (value: string) => void;
  let fail!: () => void;
  const promise = new Promise<string>((resolve, reject) => {
    answer = resolve;
    fail = () => reject(new Error('connection reset'));
  });
  return { promise, answer, fail };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WireGate', () => {
  it('lets `limit` requests out, then one more for each that settles, first come first out', async () => {
    const gate = new WireGate(2);
    const requests = [held(), held(), held(), held()];
    const sent: number[] = [];
    const results = requests.map((r, i) =>
      gate.pass(() => {
        sent.push(i);
        return r.promise;
      }),
    );
    results[0]!.catch(() => undefined);
    await tick();
    expect(sent).toEqual([0, 1]);
    requests[1]!.answer('b');
    await tick();
    expect(sent).toEqual([0, 1, 2]);
    requests[0]!.fail(); // a failure frees its slot too
    await tick();
    expect(sent).toEqual([0, 1, 2, 3]);
    requests[2]!.answer('c');
    requests[3]!.answer('d');
    await expect(results[0]).rejects.toThrow('connection reset');
    expect(await Promise.all(results.slice(1))).toEqual(['b', 'c', 'd']);
  });

  it('has no bound at a limit of 0', async () => {
    const gate = new WireGate(0);
    let out = 0;
    const requests = Array.from({ length: 50 }, () => held());
    const results = requests.map((r) => gate.pass(() => (out++, r.promise)));
    await tick();
    expect(out).toBe(50);
    for (const r of requests) r.answer('ok');
    await Promise.all(results);
  });
});
