/**
 * Test helpers: scenarios written as `'A -> B -> C, D'` (A before B before C; D alone),
 * and a recording runner that measures what the scheduler actually did.
 */
import type { GraphNode } from '../../src/graph/index.js';

/** Nodes in order of first appearance, unless `order` lists them explicitly. */
export function nodesOf(scenario: string, order?: string[]): GraphNode[] {
  const deps = new Map<string, string[]>();
  const touch = (id: string): string[] => {
    let list = deps.get(id);
    if (list === undefined) deps.set(id, (list = []));
    return list;
  };
  for (const chain of scenario.split(',')) {
    const ids = chain
      .split('->')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    ids.forEach((id, i) => {
      const list = touch(id);
      const before = ids[i - 1];
      if (before !== undefined) list.push(before);
    });
  }
  return (order ?? [...deps.keys()]).map((id) => ({ id, dependsOn: deps.get(id) ?? [] }));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Recorder {
  run: (id: string) => Promise<void>;
  /** `start:A` / `end:A`, in the order they happened. */
  log: string[];
  starts(): string[];
  maxInFlight(): number;
}

export function recorder(
  options: { fail?: string[]; delay?: Record<string, number>; defaultDelay?: number } = {},
): Recorder {
  const log: string[] = [];
  let inFlight = 0;
  let max = 0;
  return {
    log,
    starts: () => log.filter((e) => e.startsWith('start:')).map((e) => e.slice('start:'.length)),
    maxInFlight: () => max,
    run: async (id) => {
      log.push(`start:${id}`);
      inFlight += 1;
      max = Math.max(max, inFlight);
      await sleep(options.delay?.[id] ?? options.defaultDelay ?? 2);
      inFlight -= 1;
      log.push(`end:${id}`);
      if (options.fail?.includes(id)) throw new Error(`boom ${id}`);
    },
  };
}
