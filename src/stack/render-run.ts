/** The shell command of a `type: script` resource, rendered like its queries. */
import { displayPath, resourceContext } from '../manifest/index.js';
import { renderTemplate } from '../template/index.js';
import { templateBase, thisOf, type Known } from './context.js';
import type { Stack, StackResource } from './types.js';

export function renderRun(stack: Stack, resource: StackResource, known: Known): string {
  const name = resource.def.name;
  const base = { ...templateBase(stack, known, resource), this: thisOf(stack, name, known) };
  const context = resourceContext(stack.manifest, resource.def, stack.env, base);
  const source = { file: displayPath(stack.manifest.file), line: resource.def.line, resource: name };
  return renderTemplate({ ...source, text: resource.def.run ?? '' }, context);
}
