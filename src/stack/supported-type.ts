/** The manifest resource types the engine can run (stackql-deploy has more). */
import { DeployError } from '../errors/index.js';
import { displayPath } from '../manifest/index.js';
import type { Stack, StackResource } from './types.js';

/** Refuses the resource types the engine cannot run, naming where they are declared. */
export function assertSupportedType(stack: Stack, resource: StackResource): void {
  const type = resource.def.type;
  if (type !== 'multi') return;
  throw new DeployError('UnsupportedResourceType', `resource type '${type}' is not supported by deploy yet`, {
    file: displayPath(stack.manifest.file),
    line: resource.def.line,
    resource: resource.def.name,
    hint: 'use one resource per instance with `type: resource`, or `type: command` for statements run on every apply',
  });
}
