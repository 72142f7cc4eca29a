/**
 * The pure dependency graph and its scheduler: no cloud, no file system.
 */
export { buildGraph } from './graph.js';
export type { Graph, GraphNode } from './graph.js';
export { topologicalOrder, dependentsOf, dependenciesOf, subgraph } from './order.js';
export { runGraph } from './schedule.js';
export type { ScheduleOptions, ScheduleResult, SkipReason } from './schedule.js';
export { toDot, toMermaid } from './render-graph.js';
