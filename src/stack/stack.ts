/**
 * A stack loaded for one environment: the manifest, each resource's query blocks (split by
 * anchor, not yet rendered), the stack-wide template context, and the dependency edges
 * between resources. Pure reading and analysis: no cloud.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Secrets } from '../common/index.js';
import { DeployError } from '../errors/index.js';
import {
  displayPath,
  loadManifest,
  parseEnvFile,
  parseVarAssignments,
  readTextFile,
  stackContext,
} from '../manifest/index.js';
import { splitAnchors, type AnchorBlock, type AnchorName } from '../query/index.js';
import type { Stack, StackInput, StackResource } from './types.js';
import { dependencyEdges } from './edges.js';
import { addSecretVars } from './secrets.js';

/** The variables templates see: process environment < --env-file < -e. */
export function templateVars(input: StackInput): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.processEnv)) if (v !== undefined) vars[k] = v;
  if (input.envFile !== undefined) Object.assign(vars, parseEnvFile(resolve(input.cwd, input.envFile)));
  Object.assign(vars, parseVarAssignments(input.assignments));
  return vars;
}

export function loadStack(input: StackInput): Stack {
  const dir = resolve(input.cwd, input.stackDir);
  if (!existsSync(dir)) {
    throw new DeployError('StackNotFound', `no stack directory at ${input.stackDir}`, {
      hint: 'pass the directory that holds stackql_manifest.yml, e.g. examples/websocket-api',
    });
  }
  const manifest = loadManifest(dir);
  const vars = templateVars(input);
  const secrets = new Secrets();
  addSecretVars(secrets, input.secrets ?? [], vars);
  const context = stackContext(manifest, input.env, vars);
  const problems: DeployError[] = [];
  const resources: StackResource[] = [];
  // Many resources share a query file (10,000 resources may use five): each is read and split
  // once. Its blocks are never changed after, so resources share them. A file that fails is
  // not remembered: every resource using it gets its own error.
  const split = new Map<string, Partial<Record<AnchorName, AnchorBlock>>>();
  for (const def of manifest.resources) {
    const file = displayPath(def.file);
    const shared = split.get(def.file); // read for an earlier resource, so it exists
    // Looked for once: a resource's file must exist, and inline SQL of another kind needs none.
    const exists = shared !== undefined || ((def.type === 'resource' || def.sql === undefined) && existsSync(def.file));
    if (def.type === 'resource' && !exists) {
      problems.push(
        new DeployError('QueryFileMissing', `query file ${file} does not exist`, {
          file: displayPath(manifest.file),
          line: def.line,
          resource: def.name,
          hint: `create ${file} with /*+ create */ and /*+ delete */ blocks, or set \`file:\` on the resource`,
        }),
      );
      continue;
    }
    if (def.sql !== undefined) {
      // Inline SQL (stackql-deploy's `sql:`) is the one statement of a query or command resource.
      const anchor = def.type === 'command' ? 'command' : 'exports';
      const blocks = { [anchor]: { anchor, options: {}, text: def.sql, line: def.line, bodyLine: def.line } };
      resources.push({ def, file: displayPath(manifest.file), blocks, dependsOn: [], anyOf: [] });
      continue;
    }
    const blocks = shared ?? {};
    if (!shared && exists) {
      try {
        const text = readTextFile(def.file, { what: 'query file', shown: file, inside: dir });
        for (const block of splitAnchors(text, file)) blocks[block.anchor] = block;
        split.set(def.file, blocks);
      } catch (error) {
        problems.push(withResource(error, def.name));
        continue;
      }
    }
    resources.push({ def, file, blocks, dependsOn: [], anyOf: [] });
  }
  const edges = dependencyEdges(manifest, resources);
  for (const r of resources) Object.assign(r, edges.get(r.def.name));
  return { dir, name: manifest.name, env: input.env, manifest, context, resources, problems, secrets };
}

/** Adds the resource name to a DeployError raised without one. */
export function withResource(error: unknown, resource: string): DeployError {
  if (DeployError.is(error)) {
    if (error.location.resource === undefined) (error.location as { resource?: string }).resource = resource;
    return error;
  }
  return new DeployError('InternalError', String(error), { resource, cause: error });
}
