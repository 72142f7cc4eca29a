/**
 * The template context for an environment: what `{{ … }}` can read in globals, props and query
 * files. Stack level: stack_name, stack_env, variables (bare and vars.*), globals (bare and
 * globals.*). Resource level: that, the exports known so far, resource_name, and the resource's
 * props for the environment (which override globals of the same name).
 */
import { perObject } from '../common/index.js';
import { DeployError } from '../errors/index.js';
import { referencedVariables } from '../template/index.js';
import { displayPath } from './display-path.js';
import { mergeProp } from './merge.js';
import { lineIn, textLineIn } from './positions.js';
import { renderValue, stringsIn } from './render-value.js';
import type { GlobalDef, Manifest, PropDef, ResourceDef } from './types.js';

/**
 * Globals that mention resource_name (stackql-deploy 2 re-renders them per resource, e.g. a
 * tag naming the resource), and globals built from those: rendered per resource, not per stack.
 */
const perResourceGlobals = perObject((manifest: Manifest): Set<string> => {
  const names = new Set<string>();
  for (const global of manifest.globals) {
    const read = stringsIn(global.value).flatMap((text) => {
      try {
        return [...referencedVariables(text).names];
      } catch {
        return []; // bad syntax: rendering reports it, with its line
      }
    });
    if (read.some((name) => name === 'resource_name' || names.has(name))) names.add(global.name);
  }
  return names;
});

function renderGlobal(
  manifest: Manifest,
  global: GlobalDef,
  context: Record<string, unknown>,
  resource?: string,
): unknown {
  return renderValue(global.value, context, {
    file: displayPath(manifest.file),
    ...(resource === undefined ? {} : { resource }),
    textLine: (relative) => textLineIn(global, ['value', ...relative]),
  });
}

export function stackContext(manifest: Manifest, env: string, vars: Record<string, string>): Record<string, unknown> {
  const globals: Record<string, unknown> = { stack_name: manifest.name, stack_env: env };
  const context: Record<string, unknown> = {
    ...vars,
    vars: { ...vars },
    stack_name: manifest.name,
    stack_env: env,
    globals,
  };
  const perResource = perResourceGlobals(manifest);
  for (const global of manifest.globals) {
    if (perResource.has(global.name)) continue;
    const value = renderGlobal(manifest, global, context);
    context[global.name] = value;
    globals[global.name] = value;
  }
  return context;
}

/** The value a prop has in `env`: its `values.<env>`, else its `value`. */
function propValue(
  prop: PropDef,
  env: string,
  resource: ResourceDef,
  file: string,
): { value: unknown; at: (string | number)[] } | undefined {
  const forEnv = prop.values?.[env];
  if (forEnv !== undefined) return { value: forEnv.value, at: ['values', env, 'value'] };
  if ('value' in prop) return { value: prop.value, at: ['value'] };
  if (prop.values === undefined) return undefined; // merge only
  const envs = Object.keys(prop.values);
  throw new DeployError(
    'MissingEnvValue',
    `prop '${prop.name}' of resource '${resource.name}' has no value for environment '${env}'`,
    {
      file,
      line: prop.line,
      resource: resource.name,
      hint: `add values: {${env}: {value: …}} (or a default value:) to the prop; it has values for: ${envs.join(', ') || 'no environment'}`,
    },
  );
}

export function resourceContext(
  manifest: Manifest,
  resource: ResourceDef,
  env: string,
  base: Record<string, unknown>,
): Record<string, unknown> {
  const file = displayPath(manifest.file);
  const context: Record<string, unknown> = { ...base, resource_name: resource.name };
  const perResource = perResourceGlobals(manifest);
  if (perResource.size > 0) {
    const globals: Record<string, unknown> = { ...(base.globals as Record<string, unknown> | undefined) };
    context.globals = globals;
    for (const global of manifest.globals) {
      if (!perResource.has(global.name)) continue;
      const value = renderGlobal(manifest, global, context, resource.name);
      context[global.name] = value;
      globals[global.name] = value;
    }
  }
  for (const prop of resource.props) {
    const chosen = propValue(prop, env, resource, file);
    let value =
      chosen === undefined
        ? undefined
        : renderValue(chosen.value, context, {
            file,
            resource: resource.name,
            textLine: (relative) => textLineIn(prop, [...chosen.at, ...relative]),
          });
    if (prop.merge !== undefined && prop.merge.length > 0) {
      value = mergeProp(value, prop.merge, context, {
        prop: prop.name,
        resource: resource.name,
        file,
        line: (index) => lineIn(prop, ['merge', index]),
      });
    }
    context[prop.name] = value;
  }
  return context;
}
