/**
 * Rendering a resource with the states of other resources known so far, remembered per
 * resource (its own state included: `this`). Validation, the plan and the apply each render
 * every resource, mostly from the same inputs (on a first deploy no resource it reads is known
 * at any of the three; a resource that reads none renders the same every time), and what a
 * resource renders to depends only on the stack and the states of the resources it reads: when
 * those are the very same objects as last time, the last result is the answer.
 */
import type { SchemaRegistry, TypeSchema } from '../schema/index.js';
import { producersRead, type Known } from './context.js';
import { renderTyped, type RenderedResource } from './render.js';
import type { Stack, StackResource } from './types.js';

interface Rendered {
  rendered: RenderedResource;
  schema?: TypeSchema;
}

/**
 * A memo of the last result `make` gave per resource, reused while the states of the resources
 * it reads (`known`) are the very same objects. A `make` that throws leaves nothing behind.
 */
export function rememberedRender<T>(): (stack: Stack, resource: StackResource, known: Known, make: () => T) => T {
  const last = new WeakMap<StackResource, { inputs: unknown[]; value: T }>();
  return (stack, resource, known, make) => {
    const inputs = producersRead(stack, resource).map((name) => known.get(name));
    const remembered = last.get(resource);
    if (remembered && remembered.inputs.every((input, i) => input === inputs[i])) return remembered.value;
    const value = make();
    last.set(resource, { inputs, value });
    return value;
  };
}

const rendered = rememberedRender<Rendered>();

export function renderWith(
  stack: Stack,
  resource: StackResource,
  registry: SchemaRegistry,
  states: ReadonlyMap<string, Record<string, unknown>>,
): Rendered {
  return rendered(stack, resource, states, () => renderTyped({ stack, resource, registry, known: states }));
}
