/**
 * Bounded-concurrency execution of a graph. A node starts once everything it waits on has
 * succeeded (its dependencies, or on teardown its dependents), at most `parallelism` at once.
 * Of the nodes ready, the one with the longest chain still behind it goes first (the critical
 * path: a deep chain started last would finish last, alone), then the smallest input index. At
 * `parallelism: 1` the order cannot change the run's length, so it is input order alone: an
 * already ordered manifest runs exactly as written. The scheduler owns no I/O: `run` does the
 * work, the result says what happened.
 */
import { DeployError } from '../errors/index.js';
import type { Graph } from './graph.js';
import { reach, topologicalOrder } from './order.js';
import { ReadyQueue } from './ready-queue.js';

export type SkipReason = 'dependency-failed' | 'stopped' | 'interrupted';

export interface ScheduleOptions {
  /** Most nodes in flight at once: a whole number >= 1 (or Infinity). */
  parallelism: number;
  /** Teardown: a node runs only after all its dependents finished. */
  reverse?: boolean;
  /**
   * `stop`: after the first failure nothing new starts, in-flight nodes finish, the rest are
   * skipped. `continue`: only the (transitive) dependents of a failed node are skipped.
   */
  onFailure: 'stop' | 'continue';
  /** Aborted = interrupt: nothing new starts, in-flight nodes finish, the rest are skipped. */
  signal?: AbortSignal;
  /**
   * Per-node gate, asked when the node becomes ready: false passes over it without running
   * it (e.g. a no-op) and its dependents still run. It takes no concurrency slot. A throw
   * counts as the node failing.
   */
  gate?: (id: string) => boolean;
  /**
   * Work a node can do before its slot frees (e.g. recording an intent), so it starts without
   * waiting for it: called once for each node that comes within `parallelism` of the head of
   * the ready order. The order is not changed by it. A node prepared may never start (the run
   * halted); the caller finds those out from the result.
   */
  prepare?: (id: string) => void;
}

export interface ScheduleResult {
  /** In completion order. */
  succeeded: string[];
  /** In failure order. */
  failed: { id: string; error: unknown }[];
  /**
   * Never started, in input order. Dependents of a failed node say `dependency-failed` even
   * under `stop`; other nodes say why the run ended early (`stopped` or `interrupted`).
   */
  skipped: { id: string; reason: SkipReason }[];
  /** Passed over by `gate` (not run, counted as satisfied for their dependents), in order. */
  gated: string[];
}

/**
 * Runs every node once; resolves (never rejects) with each node in exactly one list. `run` may
 * call `freeSlot` to give its concurrency slot to the next ready node before it finishes (its
 * remaining work is local, e.g. a ledger write); its dependents still wait for it to finish.
 */
export function runGraph(
  graph: Graph,
  options: ScheduleOptions,
  run: (id: string, freeSlot: () => void) => Promise<void>,
): Promise<ScheduleResult> {
  const { parallelism, onFailure, signal, gate, prepare } = options;
  if (!(parallelism === Infinity || (Number.isInteger(parallelism) && parallelism >= 1))) {
    throw new DeployError('InvalidParallelism', `Parallelism must be a whole number of 1 or more, got ${parallelism}`, {
      hint: 'Pass a parallelism of 1 or more (1 runs one resource at a time).',
    });
  }
  // What must finish before a node may start, and whom a node's success releases.
  const waitsOn = options.reverse ? graph.dependents : graph.dependencies;
  const releases = options.reverse ? graph.dependencies : graph.dependents;

  return new Promise((resolve) => {
    const result: ScheduleResult = { succeeded: [], failed: [], skipped: [], gated: [] };
    const pending = new Map<string, number>();
    const ready = new ReadyQueue(
      parallelism === 1 || parallelism === Infinity ? undefined : byCriticalPath(graph, options.reverse === true),
    );
    graph.ids.forEach((id, index) => {
      const count = waitsOn.get(id)?.length ?? 0;
      pending.set(id, count);
      if (count === 0) ready.push(index);
    });
    const blocked = new Set<string>();
    const prepared = new Set<number>();
    /** Nodes holding a concurrency slot; `running` also counts those that gave theirs back. */
    let inFlight = 0;
    let running = 0;
    let halt: 'stopped' | 'interrupted' | undefined = signal?.aborted === true ? 'interrupted' : undefined;
    let done = false;

    const onAbort = (): void => {
      halt ??= 'interrupted';
      pump();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    function release(id: string): void {
      for (const next of releases.get(id) ?? []) {
        const left = (pending.get(next) ?? 0) - 1;
        pending.set(next, left);
        if (left === 0) ready.push(graph.indexOf.get(next) as number);
      }
    }

    // Recorded synchronously in the settle callback, before pump() looks at the queue, so
    // under `stop` nothing queued can start after a failure.
    function fail(id: string, error: unknown): void {
      result.failed.push({ id, error });
      if (onFailure === 'stop') halt ??= 'stopped';
      for (const other of reach(releases, id)) blocked.add(other);
    }

    function start(id: string): void {
      inFlight += 1;
      running += 1;
      let holding = true;
      const freeSlot = (): void => {
        if (!holding) return;
        holding = false;
        inFlight -= 1;
        pump();
      };
      let work: Promise<void>;
      try {
        work = Promise.resolve(run(id, freeSlot));
      } catch (error) {
        // Whatever run threw travels on unchanged: the caller reports it as the node's failure.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        work = Promise.reject(error);
      }
      const ended = (): void => {
        running -= 1;
        if (holding) inFlight -= 1;
        holding = false;
      };
      work.then(
        () => {
          ended();
          result.succeeded.push(id);
          release(id);
          pump();
        },
        (error: unknown) => {
          ended();
          fail(id, error);
          pump();
        },
      );
    }

    function pump(): void {
      while (halt === undefined && inFlight < parallelism) {
        const index = ready.pop();
        if (index === undefined) break;
        const id = graph.ids[index] as string;
        let go = true;
        try {
          if (gate !== undefined) go = gate(id);
        } catch (error) {
          fail(id, error);
          continue;
        }
        if (go) {
          start(id);
        } else {
          result.gated.push(id);
          release(id);
        }
      }
      if (running === 0 && (halt !== undefined || ready.size === 0)) finish();
      else if (prepare !== undefined && halt === undefined && Number.isFinite(parallelism)) prepareNext(prepare);
    }

    /** Prepares the nodes within `parallelism` of the head of the ready order. */
    function prepareNext(prepare: (id: string) => void): void {
      const head: number[] = [];
      while (head.length < parallelism && ready.size > 0) head.push(ready.pop() as number);
      for (const index of head) {
        if (!prepared.has(index)) {
          prepared.add(index);
          prepare(graph.ids[index] as string);
        }
        ready.push(index);
      }
    }

    function finish(): void {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      const finished = new Set([...result.succeeded, ...result.gated, ...result.failed.map((f) => f.id)]);
      for (const id of graph.ids) {
        if (finished.has(id)) continue;
        // Without a halt, the only way a node is never reached is a failed dependency.
        const reason: SkipReason = blocked.has(id) ? 'dependency-failed' : (halt ?? 'dependency-failed');
        result.skipped.push({ id, reason });
      }
      resolve(result);
    }

    pump();
  });
}

/**
 * Ready-queue order: the longer chain of nodes still to run after a node (through `releases`)
 * first, then the smaller input index.
 */
function byCriticalPath(graph: Graph, reverse: boolean): (a: number, b: number) => boolean {
  const releases = reverse ? graph.dependencies : graph.dependents;
  const height = new Map<string, number>();
  // Each node after everything it releases: dependents first, or on teardown dependencies first.
  const order = topologicalOrder(graph);
  if (!reverse) order.reverse();
  for (const id of order) {
    height.set(id, 1 + Math.max(0, ...(releases.get(id) ?? []).map((n) => height.get(n) ?? 0)));
  }
  const heights = graph.ids.map((id) => height.get(id) ?? 1);
  return (a, b) => {
    const ha = heights[a] as number;
    const hb = heights[b] as number;
    return ha !== hb ? ha > hb : a < b;
  };
}
