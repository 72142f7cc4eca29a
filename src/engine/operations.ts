/**
 * The operation graph of an apply or teardown. Each change becomes one or two nodes: an
 * `apply` node (create, update, or the create half of a replace) and a `delete` node (delete,
 * or the delete half of a replace). Edges:
 * - an apply waits for the applies of what it depends on, and for its own delete (replace);
 * - a delete waits for the deletes of what depends on it (children go first);
 * - the delete half of a replace also waits for the creates and updates it depends on, so a
 *   failure upstream stops it before its old instance is gone;
 * - the delete of a resource removed from the manifest waits for the applies of whatever
 *   depended on it, so they stop using it first.
 */
import type { GraphNode } from '../graph/index.js';
import type { PlannedResource } from './plan-context.js';

/**
 * `read`: a query or script resource read during apply, once what it reads exists;
 * `command`: a command resource's statements, run on every apply.
 */
export type Phase = 'apply' | 'delete' | 'read' | 'command';

/** A query, script or command resource run during apply, and what it uses. */
export interface LaterRun {
  name: string;
  phase: 'read' | 'command';
  dependsOn: string[];
}

export function nodeId(phase: Phase, resource: string): string {
  return `${phase}:${resource}`;
}

export function parseNodeId(id: string): { phase: Phase; resource: string } {
  const cut = id.indexOf(':');
  return { phase: id.slice(0, cut) as Phase, resource: id.slice(cut + 1) };
}

/**
 * Nodes in scheduling order: deletes children-first, then applies (and reads) in manifest
 * order. A read waits for the applies and reads it depends on; so does an apply for reads.
 */
export function operationNodes(planned: PlannedResource[], later: LaterRun[] = []): GraphNode[] {
  const byName = new Map(planned.map((p) => [p.name, p]));
  const hasApply = (name: string): boolean => {
    const action = byName.get(name)?.change.action;
    return action === 'create' || action === 'update' || action === 'replace';
  };
  const hasDelete = (name: string): boolean => {
    const action = byName.get(name)?.change.action;
    return action === 'delete' || action === 'replace';
  };
  const dependents = new Map<string, string[]>();
  for (const p of planned) {
    for (const d of p.dependsOn) {
      const users = dependents.get(d);
      if (users) users.push(p.name);
      else dependents.set(d, [p.name]);
    }
  }

  const deletes: GraphNode[] = [];
  for (const p of [...planned].reverse()) {
    if (!hasDelete(p.name)) continue;
    const users = dependents.get(p.name) ?? [];
    const waits = users.filter(hasDelete).map((u) => nodeId('delete', u));
    if (p.change.action === 'delete') {
      waits.push(...users.filter(hasApply).map((u) => nodeId('apply', u)));
    } else {
      // A replaced parent is itself deleted after this one: waiting for it would be a cycle.
      const upstream = p.dependsOn.filter((d) => hasApply(d) && byName.get(d)?.change.action !== 'replace');
      waits.push(...upstream.map((d) => nodeId('apply', d)));
    }
    deletes.push({ id: nodeId('delete', p.name), dependsOn: waits });
  }
  const upstream = (dependsOn: string[]): string[] => [
    ...dependsOn.filter(hasApply).map((d) => nodeId('apply', d)),
    ...later.filter((r) => dependsOn.includes(r.name)).map((r) => nodeId(r.phase, r.name)),
  ];
  const applies: GraphNode[] = later.map((r) => ({ id: nodeId(r.phase, r.name), dependsOn: upstream(r.dependsOn) }));
  for (const p of planned) {
    if (!hasApply(p.name)) continue;
    const waits = upstream(p.dependsOn);
    if (p.change.action === 'replace') waits.push(nodeId('delete', p.name));
    applies.push({ id: nodeId('apply', p.name), dependsOn: waits });
  }
  return [...deletes, ...applies];
}
