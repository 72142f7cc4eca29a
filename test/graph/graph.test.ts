import { describe, expect, it, test } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import {
  buildGraph,
  dependenciesOf,
  dependentsOf,
  subgraph,
  toDot,
  toMermaid,
  topologicalOrder,
} from '../../src/graph/index.js';
import { nodesOf } from './scenario.js';

function thrown(fn: () => unknown): DeployError {
  try {
    fn();
  } catch (error) {
    if (DeployError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a DeployError');
}

describe('topologicalOrder', () => {
  test.each([
    ['A -> B -> C', undefined, ['A', 'B', 'C']],
    ['A -> B -> C', ['C', 'B', 'A'], ['A', 'B', 'C']],
    ['A -> C, B -> C', ['C', 'B', 'A'], ['B', 'A', 'C']],
    ['A -> B, A -> C, B -> D, C -> D', undefined, ['A', 'B', 'C', 'D']],
    ['A -> B, A -> C, B -> D, C -> D', ['A', 'C', 'B', 'D'], ['A', 'C', 'B', 'D']],
    ['D, C, B, A', undefined, ['D', 'C', 'B', 'A']],
    ['B -> A, D, C', ['A', 'B', 'C', 'D'], ['B', 'A', 'C', 'D']],
    [
      'vpc -> subnet -> api, role -> fn -> api',
      ['role', 'vpc', 'subnet', 'fn', 'api'],
      ['role', 'vpc', 'subnet', 'fn', 'api'],
    ],
  ])('%s (input %j) → %j', (scenario, order, expected) => {
    expect(topologicalOrder(buildGraph(nodesOf(scenario, order)))).toEqual(expected);
  });

  it('keeps a manifest already in order exactly as is', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, dependsOn: i % 3 === 0 ? [] : [`n${i - 1}`] }));
    expect(topologicalOrder(buildGraph(nodes))).toEqual(nodes.map((n) => n.id));
  });

  it('handles a long chain without recursion limits', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}`, dependsOn: i === 0 ? [] : [`n${i - 1}`] }));
    const order = topologicalOrder(buildGraph([...nodes].reverse()));
    expect(order[0]).toBe('n0');
    expect(order[19_999]).toBe('n19999');
  });
});

describe('buildGraph validation', () => {
  test.each([
    ['A -> A', 'A → A'],
    ['A -> B -> A', 'A → B → A'],
    ['A -> B -> C -> A', 'A → C → B → A'],
    ['X -> A -> B -> C -> A', 'A → C → B → A'],
    ['A -> B, B -> C, C -> B', 'B → C → B'],
  ])('cycle in %s is named as %s', (scenario, path) => {
    const error = thrown(() => buildGraph(nodesOf(scenario)));
    expect(error.code).toBe('DependencyCycle');
    expect(error.message).toContain(path);
    expect(error.hint).toBeTruthy();
  });

  it('names both ends of an unknown dependency', () => {
    const error = thrown(() =>
      buildGraph([
        { id: 'api', dependsOn: [] },
        { id: 'route', dependsOn: ['api', 'integraton'] },
      ]),
    );
    expect(error.code).toBe('UnknownDependency');
    expect(error.message).toContain('"route"');
    expect(error.message).toContain('"integraton"');
    expect(error.location.resource).toBe('route');
    expect(error.hint).toContain('integraton');
  });

  it('rejects a duplicate id', () => {
    const error = thrown(() =>
      buildGraph([
        { id: 'a', dependsOn: [] },
        { id: 'a', dependsOn: [] },
      ]),
    );
    expect(error.code).toBe('DuplicateNode');
  });

  it('ignores a dependency listed twice', () => {
    const graph = buildGraph([
      { id: 'a', dependsOn: [] },
      { id: 'b', dependsOn: ['a', 'a'] },
    ]);
    expect(graph.dependencies.get('b')).toEqual(['a']);
    expect(graph.dependents.get('a')).toEqual(['b']);
  });
});

describe('reachability and subgraphs', () => {
  const graph = buildGraph(nodesOf('A -> B -> C, A -> D, E -> C, F'));

  test.each([
    ['A', ['B', 'C', 'D']],
    ['B', ['C']],
    ['E', ['C']],
    ['C', []],
    ['F', []],
  ])('dependentsOf(%s) = %j', (id, expected) => {
    expect([...dependentsOf(graph, id)].sort()).toEqual(expected);
  });

  test.each([
    ['C', ['A', 'B', 'E']],
    ['D', ['A']],
    ['A', []],
  ])('dependenciesOf(%s) = %j', (id, expected) => {
    expect([...dependenciesOf(graph, id)].sort()).toEqual(expected);
  });

  it('rejects an unknown id', () => {
    expect(thrown(() => dependentsOf(graph, 'Z')).code).toBe('UnknownNode');
  });

  it('subgraph keeps input order and only edges among kept nodes (no bridging)', () => {
    const sub = subgraph(graph, ['C', 'A', 'E']);
    expect(sub.ids).toEqual(['A', 'C', 'E']);
    expect(sub.dependencies.get('C')).toEqual(['E']);
    expect(sub.dependents.get('A')).toEqual([]);
    expect(topologicalOrder(sub)).toEqual(['A', 'E', 'C']);
  });
});

describe('toDot', () => {
  it('draws dependency → dependent edges with quoted ids', () => {
    const dot = toDot(
      buildGraph([
        { id: 'a"b', dependsOn: [] },
        { id: 'c', dependsOn: ['a"b'] },
      ]),
    );
    expect(dot).toContain('digraph deploy {');
    expect(dot).toContain('"a\\"b" -> "c";');
    expect(dot.trimEnd().endsWith('}')).toBe(true);
  });
});

describe('toMermaid', () => {
  it('draws the same edges with safe node ids and the names as labels', () => {
    const text = toMermaid(
      buildGraph([
        { id: 'a"b', dependsOn: [] },
        { id: 'c', dependsOn: ['a"b'] },
      ]),
    );
    expect(text.split('\n')).toEqual(['flowchart LR', '  n0["a#quot;b"]', '  n1["c"]', '  n0 --> n1', '']);
  });
});
