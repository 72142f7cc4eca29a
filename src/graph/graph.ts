/**
 * The dependency graph: validated once, then read by ordering and scheduling. Node ids keep
 * their input (manifest) order, because every tie in this module is broken by it: a manifest
 * that is already in dependency order is then run exactly as written.
 */
import { DeployError } from '../errors/index.js';

export interface GraphNode {
  id: string;
  dependsOn: string[];
}

export interface Graph {
  /** Node ids in input order. */
  readonly ids: readonly string[];
  /** Position of each id in `ids`. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Direct dependencies of each node, duplicates removed, in declared order. */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  /** Direct dependents of each node, in input order. */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
}

/**
 * Validates and indexes the nodes. Throws `DuplicateNode` for a repeated id,
 * `UnknownDependency` for a dependency that names no node and `DependencyCycle` (message
 * `a → b → c → a`) for a cycle. The first problem in input order is reported.
 */
export function buildGraph(nodes: GraphNode[]): Graph {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const node of nodes) {
    if (indexOf.has(node.id)) {
      throw new DeployError('DuplicateNode', `"${node.id}" is defined more than once`, {
        resource: node.id,
        hint: `Give each resource a unique name; rename or remove the second "${node.id}".`,
      });
    }
    indexOf.set(node.id, ids.length);
    ids.push(node.id);
  }

  const dependencies = new Map<string, readonly string[]>();
  const dependents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const node of nodes) {
    const unique = [...new Set(node.dependsOn)];
    for (const dep of unique) {
      const list = dependents.get(dep);
      if (list === undefined) {
        throw new DeployError('UnknownDependency', `"${node.id}" depends on "${dep}", which is not defined`, {
          resource: node.id,
          hint: `Define a resource named "${dep}", or remove "${dep}" from the dependencies of "${node.id}".`,
        });
      }
      list.push(node.id);
    }
    dependencies.set(node.id, unique);
  }
  // Nodes were visited in input order, so each dependents list is already in input order.

  const graph: Graph = { ids, indexOf, dependencies, dependents };
  const cycle = findCycle(graph);
  if (cycle !== undefined) {
    const first = cycle[0] as string;
    throw new DeployError('DependencyCycle', `Dependency cycle: ${cycle.join(' → ')} (each depends on the next)`, {
      resource: first,
      hint: 'Resources cannot depend on each other in a loop; remove one of these dependencies.',
    });
  }
  return graph;
}

/**
 * Depth-first search in input order, iterative so a long chain cannot overflow the stack.
 * Returns the path of the first cycle found, closed (`[a, b, c, a]`), or undefined.
 */
function findCycle(graph: Graph): string[] | undefined {
  const DONE = 2;
  const ON_PATH = 1;
  const state = new Map<string, number>();
  for (const root of graph.ids) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const cursor: number[] = [0];
    state.set(root, ON_PATH);
    while (path.length > 0) {
      const top = path.length - 1;
      const id = path[top] as string;
      const deps = graph.dependencies.get(id) ?? [];
      const next = cursor[top] as number;
      if (next >= deps.length) {
        state.set(id, DONE);
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[top] = next + 1;
      const dep = deps[next] as string;
      const seen = state.get(dep);
      if (seen === ON_PATH) return [...path.slice(path.indexOf(dep)), dep];
      if (seen === undefined) {
        state.set(dep, ON_PATH);
        path.push(dep);
        cursor.push(0);
      }
    }
  }
  return undefined;
}
