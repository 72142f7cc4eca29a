/**
 * Dependency edges from what templates reference: `{{ api.api_id }}` or `{{ api }}` names the
 * resource `api`; a bare `{{ api_id }}` names the resource that exports `api_id` (an alias
 * when the export is aliased). `depends_on` adds edges by hand.
 *
 * A resource's own props and exports shadow other exports of the same name in its queries,
 * but a prop's value sees only the props before it: `route_table_id: '{{ route_table_id }}'`
 * reads the export.
 * A name several resources export (each under its own `if`, one per environment) depends on
 * all of them; any one that is deployed serves it.
 */
import type { Manifest } from '../manifest/index.js';
import { referencedVariables } from '../template/index.js';
import type { StackResource } from './types.js';

/** Every string inside a prop value, where template references may hide. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** The texts of a prop's value, for every environment. */
function propTexts(prop: StackResource['def']['props'][number]): string[] {
  const texts = strings(prop.value, []);
  for (const v of Object.values(prop.values ?? {})) strings(v.value, texts);
  return texts;
}

/** The template texts of a resource other than its props: query blocks, `if` and a script's `run`. */
function queryTexts(resource: StackResource): string[] {
  const texts: string[] = Object.values(resource.blocks).map((b) => b.text);
  for (const text of [resource.def.if, resource.def.run]) if (text !== undefined) texts.push(text);
  return texts;
}

function namesIn(texts: string[], bound: boolean): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    try {
      const found = referencedVariables(text);
      for (const name of found.names) names.add(name);
      if (bound) for (const name of found.bound) names.add(name);
    } catch {
      // A syntax error: rendering reports it with its file and line; edges need not.
    }
  }
  return names;
}

/** Names each resource's templates reference from outside it (own props and exports excluded where they shadow). */
export function referencedNames(resource: StackResource): Set<string> {
  const props = resource.def.props.map((p) => p.name);
  // In its queries, a resource's own exports are its own (a delete uses its own identifier).
  const own = new Set([...props, ...resource.def.exports.map((e) => e.alias)]);
  const outside = [...namesIn(queryTexts(resource), false)].filter((n) => !own.has(n));
  resource.def.props.forEach((prop, i) => {
    for (const n of namesIn(propTexts(prop), false)) if (!props.slice(0, i).includes(n)) outside.push(n);
  });
  return new Set(outside);
}

/**
 * Every top-level name rendering the resource may look up: what its templates and the stack's
 * globals reference, what they bind only on some paths, and what its props merge.
 */
export function contextNames(resource: StackResource, manifest: Manifest): Set<string> {
  const globals = manifest.globals.flatMap((g) => strings(g.value));
  const texts = [...queryTexts(resource), ...resource.def.props.flatMap(propTexts), ...globals];
  const names = namesIn(texts, true);
  for (const prop of resource.def.props) for (const source of prop.merge ?? []) names.add(source);
  return names;
}

export interface Edges {
  /** Every resource this one may read from, in manifest order. */
  dependsOn: string[];
  /**
   * What it needs deployed: one resource of each group. A group is one resource it names,
   * depends on or reads the only export of, or every resource exporting a name it reads.
   */
  anyOf: string[][];
}

export function dependencyEdges(manifest: Manifest, resources: StackResource[]): Map<string, Edges> {
  const producers = new Map<string, string[]>();
  for (const r of manifest.resources) {
    for (const e of r.exports) producers.set(e.alias, [...(producers.get(e.alias) ?? []), r.name]);
  }
  const resourceNames = new Set(manifest.resources.map((r) => r.name));
  const positions = new Map<string, number[]>();
  manifest.resources.forEach((r, i) => positions.set(r.name, [...(positions.get(r.name) ?? []), i]));
  const edges = new Map<string, Edges>();
  for (const resource of resources) {
    const name = resource.def.name;
    const anyOf: string[][] = resource.def.dependsOn.map((d) => [d]);
    for (const ref of referencedNames(resource)) {
      if (resourceNames.has(ref)) anyOf.push([ref]);
      const from = (producers.get(ref) ?? []).filter((p) => p !== name);
      if (from.length > 0) anyOf.push(from);
    }
    const deps = new Set(anyOf.flat());
    deps.delete(name);
    // Keep manifest order: it is the tie-breaker everywhere.
    const at = [...deps].flatMap((d) => positions.get(d) ?? []).sort((a, b) => a - b);
    const dependsOn = at.map((i) => (manifest.resources[i] as { name: string }).name);
    edges.set(name, { dependsOn, anyOf: anyOf.filter((g) => !g.includes(name)) });
  }
  return edges;
}

/**
 * The resources `resource` reads that are excluded (`if` false) with nothing to stand in for
 * them: a name exported by several is served while one of them is deployed.
 */
export function missingProducers(resource: StackResource, excluded: ReadonlySet<string>): string[] {
  const missing = new Set(resource.anyOf.filter((group) => group.every((g) => excluded.has(g))).flat());
  return resource.dependsOn.filter((d) => missing.has(d));
}
