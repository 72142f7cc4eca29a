/**
 * Dependency edges from what templates reference: `{{ api.api_id }}` or `{{ api }}` names the
 * resource `api`; a bare `{{ api_id }}` names the resource that exports `api_id` (an alias
 * when the export is aliased). `depends_on` adds edges by hand.
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

/** The template texts of a resource: its query blocks, its props (every environment) and its `if`. */
function templateTexts(resource: StackResource): string[] {
  const texts: string[] = Object.values(resource.blocks).map((b) => b.text);
  for (const prop of resource.def.props) {
    strings(prop.value, texts);
    for (const v of Object.values(prop.values ?? {})) strings(v.value, texts);
  }
  if (resource.def.if !== undefined) texts.push(resource.def.if);
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

/** Names (bare and top-level) each resource's templates reference. */
export function referencedNames(resource: StackResource): Set<string> {
  return namesIn(templateTexts(resource), false);
}

/**
 * Every top-level name rendering the resource may look up: what its templates and the stack's
 * globals reference, what they bind only on some paths, and what its props merge.
 */
export function contextNames(resource: StackResource, manifest: Manifest): Set<string> {
  const globals = manifest.globals.flatMap((g) => strings(g.value));
  const names = namesIn([...templateTexts(resource), ...globals], true);
  for (const prop of resource.def.props) for (const source of prop.merge ?? []) names.add(source);
  return names;
}

export function dependencyEdges(manifest: Manifest, resources: StackResource[]): Map<string, string[]> {
  const producerOf = new Map<string, string>();
  for (const r of manifest.resources) {
    for (const e of r.exports) producerOf.set(e.alias, r.name);
  }
  const resourceNames = new Set(manifest.resources.map((r) => r.name));
  const positions = new Map<string, number[]>();
  manifest.resources.forEach((r, i) => positions.set(r.name, [...(positions.get(r.name) ?? []), i]));
  const edges = new Map<string, string[]>();
  for (const resource of resources) {
    const name = resource.def.name;
    const deps = new Set<string>(resource.def.dependsOn);
    const ownProps = new Set(resource.def.props.map((p) => p.name));
    for (const ref of referencedNames(resource)) {
      if (ownProps.has(ref)) continue; // a prop of its own shadows an export of the same name
      if (resourceNames.has(ref)) deps.add(ref);
      const producer = producerOf.get(ref);
      if (producer !== undefined) deps.add(producer);
    }
    deps.delete(name);
    // Keep manifest order: it is the tie-breaker everywhere.
    const at = [...deps].flatMap((d) => positions.get(d) ?? []).sort((a, b) => a - b);
    edges.set(
      name,
      at.map((i) => (manifest.resources[i] as { name: string }).name),
    );
  }
  return edges;
}
