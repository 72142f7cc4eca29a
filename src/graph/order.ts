/**
 * Read-only questions about a built graph: order, reachability, and a restricted copy.
 */
import { DeployError } from '../errors/index.js';
import type { Graph } from './graph.js';
import { ReadyQueue } from './ready-queue.js';

/**
 * Kahn's algorithm, always taking the ready node with the smallest input index: input that
 * is already a valid order comes back unchanged, and any other input gets one fixed answer.
 */
export function topologicalOrder(graph: Graph): string[] {
  const pending = new Map<string, number>();
  const ready = new ReadyQueue();
  graph.ids.forEach((id, index) => {
    const count = graph.dependencies.get(id)?.length ?? 0;
    pending.set(id, count);
    if (count === 0) ready.push(index);
  });
  const order: string[] = [];
  for (let index = ready.pop(); index !== undefined; index = ready.pop()) {
    const id = graph.ids[index] as string;
    order.push(id);
    for (const dependent of graph.dependents.get(id) ?? []) {
      const left = (pending.get(dependent) ?? 0) - 1;
      pending.set(dependent, left);
      if (left === 0) ready.push(graph.indexOf.get(dependent) as number);
    }
  }
  return order;
}

/** Every node that depends on `id`, directly or transitively (`id` itself excluded). */
export function dependentsOf(graph: Graph, id: string): Set<string> {
  requireNode(graph, id);
  return reach(graph.dependents, id);
}

/** Every node `id` depends on, directly or transitively (`id` itself excluded). */
export function dependenciesOf(graph: Graph, id: string): Set<string> {
  requireNode(graph, id);
  return reach(graph.dependencies, id);
}

/**
 * The graph restricted to `ids`, in the original input order, keeping only edges whose both
 * ends are kept. Edges are deliberately not bridged through removed nodes: if A → B → C and
 * only A and C are kept, A and C become independent. Callers that need the ordering through
 * B should keep B (e.g. add `dependenciesOf` / `dependentsOf` of the targets).
 */
export function subgraph(graph: Graph, ids: Iterable<string>): Graph {
  const keep = new Set<string>();
  for (const id of ids) {
    requireNode(graph, id);
    keep.add(id);
  }
  const kept = graph.ids.filter((id) => keep.has(id));
  const restrict = (edges: ReadonlyMap<string, readonly string[]>): Map<string, readonly string[]> =>
    new Map(kept.map((id) => [id, (edges.get(id) ?? []).filter((other) => keep.has(other))]));
  return {
    ids: kept,
    indexOf: new Map(kept.map((id, index) => [id, index])),
    dependencies: restrict(graph.dependencies),
    dependents: restrict(graph.dependents),
  };
}

/** Internal: nodes reachable from `start` along `edges`, `start` excluded. */
export function reach(edges: ReadonlyMap<string, readonly string[]>, start: string): Set<string> {
  const found = new Set<string>();
  const stack = [...(edges.get(start) ?? [])];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(edges.get(id) ?? []));
  }
  found.delete(start);
  return found;
}

function requireNode(graph: Graph, id: string): void {
  if (!graph.indexOf.has(id)) {
    throw new DeployError('UnknownNode', `"${id}" is not in the dependency graph`, {
      resource: id,
      hint: 'Use one of the resource names defined in the manifest.',
    });
  }
}
