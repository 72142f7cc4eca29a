import { describe, expect, it, test } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { buildGraph, runGraph, topologicalOrder } from '../../src/graph/index.js';
import type { Graph, ScheduleResult } from '../../src/graph/index.js';
import { nodesOf, recorder, sleep } from './scenario.js';

/** Every node must wait for what it waits on: its dependencies, or (reversed) its dependents. */
function expectRespectsEdges(graph: Graph, log: string[], reverse = false): void {
  const edges = reverse ? graph.dependents : graph.dependencies;
  for (const id of graph.ids) {
    const started = log.indexOf(`start:${id}`);
    if (started < 0) continue;
    for (const before of edges.get(id) ?? []) {
      const ended = log.indexOf(`end:${before}`);
      expect(ended, `${before} must finish before ${id} starts`).toBeGreaterThanOrEqual(0);
      expect(ended).toBeLessThan(started);
    }
  }
}

function expectEachOnce(graph: Graph, result: ScheduleResult): void {
  const all = [
    ...result.succeeded,
    ...result.gated,
    ...result.failed.map((f) => f.id),
    ...result.skipped.map((s) => s.id),
  ];
  expect(all.sort()).toEqual([...graph.ids].sort());
}

describe('runGraph order', () => {
  test.each([
    ['A -> B -> C', undefined, 1, ['A', 'B', 'C']],
    ['A -> B -> C', ['C', 'B', 'A'], 1, ['A', 'B', 'C']],
    ['A -> C, B -> C, D', undefined, 1, ['A', 'B', 'C', 'D']],
    ['A -> C, B -> C, D', ['D', 'C', 'B', 'A'], 1, ['D', 'B', 'A', 'C']],
    ['A -> C, B -> D', ['A', 'B', 'C', 'D'], 2, ['A', 'B', 'C', 'D']],
    ['A -> B, C, D, E', undefined, 2, ['A', 'C', 'B', 'D', 'E']],
    ['A -> B -> C, D -> E', ['A', 'D', 'B', 'E', 'C'], 3, ['A', 'D', 'B', 'E', 'C']],
  ])('%s (input %j), parallelism %i starts %j', async (scenario, order, parallelism, expected) => {
    const graph = buildGraph(nodesOf(scenario, order));
    const rec = recorder();
    const result = await runGraph(graph, { parallelism, onFailure: 'stop' }, rec.run);
    expect(rec.starts()).toEqual(expected);
    expect(result.failed).toEqual([]);
    expect(result.skipped).toEqual([]);
    expectRespectsEdges(graph, rec.log);
  });

  it('parallelism 1 reproduces topological order', async () => {
    const graph = buildGraph(nodesOf('E -> A, D -> B -> A, C', ['A', 'B', 'C', 'D', 'E']));
    const rec = recorder({ defaultDelay: 0 });
    await runGraph(graph, { parallelism: 1, onFailure: 'stop' }, rec.run);
    expect(rec.starts()).toEqual(topologicalOrder(graph));
  });

  test.each([
    ['A -> B -> C', 1, ['C', 'B', 'A']],
    ['A -> B, A -> C, B -> D, C -> D', 1, ['D', 'B', 'C', 'A']],
    ['A -> C, B -> C, D', 2, ['C', 'D', 'A', 'B']],
  ])('reverse %s, parallelism %i starts %j', async (scenario, parallelism, expected) => {
    const graph = buildGraph(nodesOf(scenario));
    const rec = recorder();
    await runGraph(graph, { parallelism, onFailure: 'stop', reverse: true }, rec.run);
    expect(rec.starts()).toEqual(expected);
    expectRespectsEdges(graph, rec.log, true);
  });
});

describe('runGraph concurrency', () => {
  test.each([
    ['A, B, C, D, E', 1, 1],
    ['A, B, C, D, E', 3, 3],
    ['A, B, C', 10, 3],
    ['A -> B -> C -> D', 4, 1],
    ['A -> B, A -> C, A -> D, B -> E, C -> E, D -> E', 2, 2],
    ['A -> B, A -> C, A -> D, B -> E, C -> E, D -> E', 8, 3],
  ])('%s with parallelism %i never exceeds %i in flight', async (scenario, parallelism, max) => {
    const graph = buildGraph(nodesOf(scenario));
    const rec = recorder({ defaultDelay: 5 });
    for (const reverse of [false, true]) {
      const result = await runGraph(graph, { parallelism, onFailure: 'stop', reverse }, rec.run);
      expect(result.succeeded).toHaveLength(graph.ids.length);
      expectRespectsEdges(graph, rec.log.splice(0), reverse);
    }
    expect(rec.maxInFlight()).toBe(max);
  });

  it('runs 50 independent nodes, at most 10 at once', async () => {
    const graph = buildGraph(Array.from({ length: 50 }, (_, i) => ({ id: `n${i}`, dependsOn: [] })));
    const rec = recorder({ defaultDelay: 3 });
    const result = await runGraph(graph, { parallelism: 10, onFailure: 'stop' }, rec.run);
    expect(rec.maxInFlight()).toBe(10);
    expect(result.succeeded).toHaveLength(50);
    expect(new Set(result.succeeded).size).toBe(50);
    expect(rec.starts()).toEqual(graph.ids);
  });

  it('starts the longest chain first when slots are scarce, and keeps input order at parallelism 1', async () => {
    const graph = buildGraph(nodesOf('X, Y, Z, A -> B -> C'));
    const rec = recorder({ defaultDelay: 2 });
    await runGraph(graph, { parallelism: 2, onFailure: 'stop' }, rec.run);
    expect(rec.starts().slice(0, 2)).toEqual(['A', 'X']);
    await runGraph(graph, { parallelism: 2, onFailure: 'stop', reverse: true }, rec.run.bind(rec));
    expect(rec.starts().slice(6, 8)).toEqual(['C', 'X']); // teardown: C's chain (C, B, A) is the longest
    const one = recorder();
    await runGraph(graph, { parallelism: 1, onFailure: 'stop' }, one.run);
    expect(one.starts()).toEqual(['X', 'Y', 'Z', 'A', 'B', 'C']);
  });

  it('a node that gives its slot back lets the next start, while its dependents and the run wait for it', async () => {
    const graph = buildGraph(nodesOf('A -> C, B'));
    const log: string[] = [];
    let finishA: () => void = () => undefined;
    const done = runGraph(graph, { parallelism: 1, onFailure: 'stop' }, async (id, freeSlot) => {
      log.push(`start:${id}`);
      if (id === 'A') {
        freeSlot();
        freeSlot(); // twice is once
        await new Promise<void>((resolve) => (finishA = resolve));
      }
      log.push(`end:${id}`);
    });
    await sleep(5);
    // B took A's slot; C, which depends on A, waits; the run is not over.
    expect(log).toEqual(['start:A', 'start:B', 'end:B']);
    finishA();
    const result = await done;
    expect(log).toEqual(['start:A', 'start:B', 'end:B', 'end:A', 'start:C', 'end:C']);
    expect(result.succeeded).toEqual(['B', 'A', 'C']);
  });

  it('prepares the next nodes in line while slots are full, once each, without changing the order', async () => {
    const graph = buildGraph(nodesOf('X, Y, Z, W, A -> B -> C'));
    const plain = recorder({ defaultDelay: 2 });
    await runGraph(graph, { parallelism: 2, onFailure: 'stop' }, plain.run);
    const rec = recorder({ defaultDelay: 2 });
    const prepared: string[] = [];
    const result = await runGraph(
      graph,
      {
        parallelism: 2,
        onFailure: 'stop',
        prepare: (id) => {
          // Only a node that has not started yet, and whose dependencies are done.
          expect(rec.log).not.toContain(`start:${id}`);
          expectRespectsEdges(graph, [...rec.log, `start:${id}`]);
          prepared.push(id);
        },
      },
      rec.run,
    );
    expect(rec.starts()).toEqual(plain.starts());
    // A and X start, Y and Z wait in line; then each start brings the next one within reach.
    expect(prepared.slice(0, 2)).toEqual(['Y', 'Z']);
    expect(new Set(prepared).size).toBe(prepared.length);
    // Each node prepared started later; one that found a free slot the moment it was ready
    // (B, C after A) may start unprepared.
    for (const id of prepared) expect(rec.starts().indexOf(id)).toBeGreaterThanOrEqual(2);
    expect(prepared).toContain('W');
    expect(result.succeeded).toHaveLength(7);
  });

  it('prepares nothing once the run is halted: a prepared node may never start', async () => {
    const graph = buildGraph(nodesOf('A, B, C, D'));
    const prepared: string[] = [];
    const result = await runGraph(
      graph,
      { parallelism: 1, onFailure: 'stop', prepare: (id) => prepared.push(id) },
      async (id) => {
        if (id === 'A') throw new Error('boom');
      },
    );
    expect(prepared).toEqual(['B']);
    expect(result.skipped.map((s) => s.id)).toEqual(['B', 'C', 'D']);
  });

  test.each([0, -1, 1.5, Number.NaN])('rejects parallelism %s', (parallelism) => {
    const graph = buildGraph(nodesOf('A'));
    let error: unknown;
    try {
      void runGraph(graph, { parallelism, onFailure: 'stop' }, async () => {});
    } catch (caught) {
      error = caught;
    }
    expect(DeployError.is(error) && error.code).toBe('InvalidParallelism');
  });
});

describe('runGraph failures', () => {
  // A fails fast while B is still in flight; D is independent; E depends on A.
  const fast = { A: 1, B: 25 };
  test.each([
    ['A -> E, B -> C, D', 'stop', ['A'], false, fast, ['B'], { C: 'stopped', D: 'stopped', E: 'dependency-failed' }],
    ['A -> E, B -> C, D', 'continue', ['A'], false, fast, ['B', 'C', 'D'], { E: 'dependency-failed' }],
    ['A -> B -> C, D', 'continue', ['A'], false, {}, ['D'], { B: 'dependency-failed', C: 'dependency-failed' }],
    [
      'A -> B -> C, D, E',
      'stop',
      ['A'],
      false,
      { A: 1, D: 25 },
      ['D'],
      { B: 'dependency-failed', C: 'dependency-failed', E: 'stopped' },
    ],
    ['A -> B, C', 'continue', ['B', 'C'], false, {}, ['A'], {}],
    ['A -> B -> C, D', 'continue', ['C'], true, {}, ['D'], { A: 'dependency-failed', B: 'dependency-failed' }],
    [
      'A -> B -> C, D, E',
      'stop',
      ['C'],
      true,
      { C: 1, D: 25 },
      ['D'],
      { A: 'dependency-failed', B: 'dependency-failed', E: 'stopped' },
    ],
  ] as const)(
    '%s, %s, failing %j (reverse %s)',
    async (scenario, onFailure, fail, reverse, delay, succeeded, skipped) => {
      const graph = buildGraph(nodesOf(scenario));
      const rec = recorder({ fail: [...fail], delay });
      const result = await runGraph(graph, { parallelism: 2, onFailure, reverse }, rec.run);
      expect([...result.succeeded].sort()).toEqual(succeeded);
      expect(result.failed.map((f) => f.id).sort()).toEqual([...fail].sort());
      expect(result.failed.every((f) => f.error instanceof Error)).toBe(true);
      expect(Object.fromEntries(result.skipped.map((s) => [s.id, s.reason]))).toEqual(skipped);
      expectEachOnce(graph, result);
      expectRespectsEdges(graph, rec.log, reverse);
    },
  );

  it('under stop, nothing queued starts after a failure', async () => {
    const graph = buildGraph(nodesOf('A, B, C, D'));
    const rec = recorder({ fail: ['A'], defaultDelay: 0 });
    const result = await runGraph(graph, { parallelism: 1, onFailure: 'stop' }, rec.run);
    expect(rec.starts()).toEqual(['A']);
    expect(result.skipped.map((s) => s.reason)).toEqual(['stopped', 'stopped', 'stopped']);
  });

  it('counts a synchronous throw as a failure', async () => {
    const graph = buildGraph(nodesOf('A -> B'));
    const result = await runGraph(graph, { parallelism: 1, onFailure: 'continue' }, (id) => {
      if (id === 'A') throw new Error('sync');
      return Promise.resolve();
    });
    expect(result.failed.map((f) => f.id)).toEqual(['A']);
    expect(result.skipped).toEqual([{ id: 'B', reason: 'dependency-failed' }]);
  });
});

describe('runGraph interrupts and gates', () => {
  it('an abort lets in-flight nodes finish and skips the rest as interrupted', async () => {
    const graph = buildGraph(nodesOf('A -> C, B -> D, E'));
    const controller = new AbortController();
    const rec = recorder({ defaultDelay: 10 });
    const pending = runGraph(graph, { parallelism: 2, onFailure: 'continue', signal: controller.signal }, rec.run);
    await sleep(3);
    controller.abort();
    const result = await pending;
    expect(rec.starts()).toEqual(['A', 'B']);
    expect(rec.log).toContain('end:A');
    expect(rec.log).toContain('end:B');
    expect(result.succeeded.sort()).toEqual(['A', 'B']);
    expect(result.skipped).toEqual([
      { id: 'C', reason: 'interrupted' },
      { id: 'D', reason: 'interrupted' },
      { id: 'E', reason: 'interrupted' },
    ]);
  });

  it('an already aborted signal runs nothing', async () => {
    const graph = buildGraph(nodesOf('A -> B'));
    const rec = recorder();
    const result = await runGraph(graph, { parallelism: 4, onFailure: 'stop', signal: AbortSignal.abort() }, rec.run);
    expect(rec.log).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['interrupted', 'interrupted']);
  });

  it('a gate passes over a node without running it, and its dependents still run', async () => {
    const graph = buildGraph(nodesOf('A -> B -> C, D'));
    const rec = recorder();
    const result = await runGraph(
      graph,
      { parallelism: 1, onFailure: 'stop', gate: (id) => id !== 'B' && id !== 'D' },
      rec.run,
    );
    expect(rec.starts()).toEqual(['A', 'C']);
    expect(result.gated).toEqual(['B', 'D']);
    expect(result.succeeded).toEqual(['A', 'C']);
    expectEachOnce(graph, result);
  });

  it('an empty graph resolves at once', async () => {
    const result = await runGraph(buildGraph([]), { parallelism: 1, onFailure: 'stop' }, async () => {});
    expect(result).toEqual({ succeeded: [], failed: [], skipped: [], gated: [] });
  });
});
