/**
 * From the parsed YAML to a checked Manifest: shapes first, then what refers to what (resource
 * names, depends_on, merge sources, stack exports). All problems are collected.
 */
import path from 'node:path';
import { DeployErrors } from '../errors/index.js';
import { didYouMean } from '../common/index.js';
import { buildExports, buildGlobals } from './build-parts.js';
import { buildResource } from './build-resource.js';
import { Checker, isMapping } from './checker.js';
import { EXTENSION_PREFIX, TOP_LEVEL_KEYS } from './keys.js';
import type { Manifest, ResourceDef } from './types.js';
import type { LineIndex } from './yaml-lines.js';
import { stateUrlProblem } from '../state/state-url.js';

function checkResourceNames(checker: Checker, resources: ResourceDef[]): void {
  const first = new Map<string, ResourceDef>();
  resources.forEach((resource, i) => {
    const earlier = first.get(resource.name);
    if (earlier === undefined) first.set(resource.name, resource);
    else {
      checker.fail(
        'DuplicateName',
        `resource '${resource.name}' is defined twice (first at line ${earlier.line})`,
        ['resources', i],
        'rename one of them: resource names identify exports ({{ name.export }}) and query files',
        resource.name,
      );
    }
  });
  const names = [...first.keys()];
  resources.forEach((resource, i) => {
    resource.dependsOn.forEach((dependency, j) => {
      const where = ['resources', i, 'depends_on', j];
      if (dependency === resource.name) {
        checker.fail(
          'InvalidValue',
          `resource '${resource.name}' depends on itself`,
          where,
          'remove it from depends_on',
          resource.name,
        );
      } else if (!first.has(dependency)) {
        checker.fail(
          'UnknownDependency',
          `resource '${resource.name}' depends on '${dependency}', which is not a resource of this stack`,
          where,
          `${didYouMean(dependency, names).trim()} depends_on lists names from resources:.`.trim(),
          resource.name,
        );
      }
    });
  });
}

function checkMergeSources(checker: Checker, manifest: Manifest): void {
  const globals = manifest.globals.map((g) => g.name);
  const exported = manifest.resources.flatMap((r) => r.exports.map((e) => e.alias));
  const stackWide = new Set([...globals, ...exported]);
  manifest.resources.forEach((resource, i) => {
    resource.props.forEach((prop, j) => {
      const earlier = (): string[] => resource.props.slice(0, j).map((p) => p.name);
      (prop.merge ?? []).forEach((source, k) => {
        if (stackWide.has(source) || earlier().includes(source)) return;
        const known = [...earlier(), ...globals, ...exported];
        checker.fail(
          'UnknownMergeSource',
          `prop '${prop.name}' of resource '${resource.name}' merges '${source}', which is not a global, an earlier prop or an export`,
          ['resources', i, 'props', j, 'merge', k],
          `${didYouMean(source, known).trim()} merge lists globals or props defined above this one.`.trim(),
          resource.name,
        );
      });
    });
  });
}

function checkStackExports(checker: Checker, manifest: Manifest): void {
  const known = [
    'stack_name',
    'stack_env',
    ...manifest.globals.map((g) => g.name),
    ...manifest.resources.flatMap((r) => r.exports.map((e) => e.alias)),
  ];
  manifest.exports.forEach((e, i) => {
    if (known.includes(e.column)) return;
    checker.fail(
      'UnknownExport',
      `stack export '${e.column}' is not exported by any resource`,
      ['exports', i],
      `${didYouMean(e.column, known).trim()} Stack exports name a resource export, a global, stack_name or stack_env.`.trim(),
    );
  });
}

export function buildManifest(
  doc: unknown,
  lines: LineIndex,
  file: string,
  shownFile: string,
  stackDir: string,
): Manifest {
  const checker = new Checker(lines, shownFile);
  if (!isMapping(doc)) {
    checker.wrongType(
      [],
      'the manifest',
      'a mapping of keys (name, globals, resources, …)',
      doc,
      'start from the example in the documentation',
    );
    throw new DeployErrors(checker.errors);
  }
  if (checker.errors.length > 0) throw new DeployErrors(checker.errors);
  // `x-…` keys are free for YAML anchors shared below (as in docker-compose files).
  const declared = Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith(EXTENSION_PREFIX)));
  checker.keys(declared, TOP_LEVEL_KEYS, [], 'the manifest');
  const resources: ResourceDef[] = [];
  checker.list(doc, 'resources', [], 'the manifest', 'write resources: [{name: …}]').forEach((raw, i) => {
    const resource = buildResource(checker, raw, i, stackDir);
    if (resource !== undefined) resources.push(resource);
  });
  const manifest: Manifest = {
    dir: stackDir,
    file,
    name: checker.text(doc, 'name', [], 'the manifest') ?? path.basename(stackDir),
    providers: checker.names(doc, 'providers', [], 'the manifest'),
    globals: buildGlobals(
      checker,
      checker.list(doc, 'globals', [], 'the manifest', 'write globals: [{name: …, value: …}]'),
    ),
    resources,
    exports: buildExports(checker, checker.list(doc, 'exports', [], 'the manifest', 'write exports: [name, …]'), [
      'exports',
    ]),
  };
  if (Number.isSafeInteger(doc.version) && (doc.version as number) >= 1) manifest.version = doc.version;
  else if (doc.version !== undefined && doc.version !== null) {
    checker.wrongType(['version'], "'version' of the manifest", 'a whole number', doc.version, 'write version: 1');
  }
  const description = checker.text(doc, 'description', [], 'the manifest');
  if (description !== undefined) manifest.description = description;
  const state = checker.text(doc, 'state', [], 'the manifest');
  const stateProblem = state === undefined ? undefined : stateUrlProblem(state);
  if (stateProblem) checker.fail('InvalidStateUrl', stateProblem.message, ['state'], stateProblem.hint);
  else if (state !== undefined) manifest.state = state;
  checkResourceNames(checker, resources);
  checkMergeSources(checker, manifest);
  checkStackExports(checker, manifest);
  if (checker.errors.length > 0) throw new DeployErrors(checker.errors);
  return manifest;
}
