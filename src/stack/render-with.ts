/**
 * Rendering a resource with the states of other resources known so far, remembered per
 * resource. Validation, the plan and the apply each render every resource, mostly from the same
 * inputs (on a first deploy no resource it reads is known at any of the three; a resource that
 * reads none renders the same every time), and what a resource renders to depends only on the
 * stack and the states of the resources it reads: when those are the very same objects as last
 * time, the last result is the answer.
 */
import type { SchemaRegistry, TypeSchema } from '../schema/index.js';
import { producersRead, templateBase } from './context.js';
import { renderTyped, type RenderedResource } from './render.js';
import type { Stack, StackResource } from './types.js';

interface Rendered {
  rendered: RenderedResource;
  schema?: TypeSchema;
}

const last = new WeakMap<StackResource, { inputs: unknown[]; result: Rendered }>();

export function renderWith(
  stack: Stack,
  resource: StackResource,
  registry: SchemaRegistry,
  states: ReadonlyMap<string, Record<string, unknown>>,
): Rendered {
  const inputs = producersRead(stack, resource).map((name) => states.get(name));
  const remembered = last.get(resource);
  if (remembered && remembered.inputs.every((input, i) => input === inputs[i])) return remembered.result;
  const result = renderTyped({ stack, resource, registry, base: templateBase(stack, states, resource) });
  last.set(resource, { inputs, result });
  return result;
}
