/**
 * The graph as text for `deploy graph`: Graphviz DOT (`dot -Tsvg`) and Mermaid. Edges point from a dependency to its
 * dependent, i.e. in the direction work flows on apply.
 */
import type { Graph } from './graph.js';

export function toDot(graph: Graph): string {
  const lines = ['digraph deploy {', '  rankdir=LR;', '  node [shape=box];'];
  for (const id of graph.ids) lines.push(`  ${quote(id)};`);
  for (const id of graph.ids) {
    for (const dep of graph.dependencies.get(id) ?? []) lines.push(`  ${quote(dep)} -> ${quote(id)};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** DOT double-quoted ID: only `"` and `\` need escaping; newlines would break the line format. */
function quote(id: string): string {
  return `"${id.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n')}"`;
}

/** Mermaid flowchart (renders in GitHub Markdown); node ids are indices, labels the names. */
export function toMermaid(graph: Graph): string {
  const ids = new Map(graph.ids.map((id, i) => [id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const id of graph.ids) lines.push(`  ${ids.get(id)}["${id.replace(/"/g, '#quot;')}"]`);
  for (const id of graph.ids) {
    for (const dep of graph.dependencies.get(id) ?? []) lines.push(`  ${ids.get(dep)} --> ${ids.get(id)}`);
  }
  return `${lines.join('\n')}\n`;
}
