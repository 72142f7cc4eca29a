/**
 * Plan-time placeholders for values that only exist after apply. They are plain token strings
 * (see unknown.ts), so they survive concatenation, quoting, JSON encoding and every filter that
 * treats its input as text; the template runtime adds the rest (`x.foo` on a token yields the
 * token of `x.foo`, looping over one yields one unknown element).
 */
import { unknownToken } from './unknown.js';

const WHOLE_TOKEN = /^«unknown:([^»]*)»$/;
const ANY_TOKEN = /«unknown:[^»]*»/g;

/**
 * The placeholder for a resource whose exports are not known yet: rendering it gives
 * unknownToken(name); `{{ name.foo }}` gives unknownToken('name.foo').
 */
export function unknownResource(resourceName: string): string {
  return unknownToken(resourceName);
}

const PARTIAL = Symbol.for('deploy-engine.partiallyUnknown');

/**
 * A mapping of which some members are known and the rest not yet: `{{ this.idempotency_token }}`
 * of a resource still to be created is known, `{{ this.vpc_id }}` renders unknown.
 */
export function partiallyUnknown(path: string, known: Record<string, unknown>): Record<string, unknown> {
  return Object.defineProperty({ ...known }, PARTIAL, { value: path, enumerable: false });
}

/** The path the missing members of a partiallyUnknown mapping are unknown under, if it is one. */
export function partialPath(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { [PARTIAL]?: string })[PARTIAL];
}

/** A single unknown scalar (a bare export name) that renders as unknownToken(path). */
export function unknownValue(path: string): string {
  return unknownToken(path);
}

/** The path when `value` is exactly one unknown token (nothing around it), else undefined. */
export function wholeTokenPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return WHOLE_TOKEN.exec(value)?.[1];
}

/** Every unknown token inside the text, concatenated: what a derived value becomes. */
export function tokensIn(text: string): string {
  return (text.match(ANY_TOKEN) ?? []).join('');
}

/**
 * When a filter cannot compute its result because an input is itself unknown, the result is the
 * concatenation of the unknown inputs' tokens, so the planner still sees what it waits for.
 */
export function unknownAmong(values: readonly unknown[]): string | undefined {
  const tokens = values.filter((v) => wholeTokenPath(v) !== undefined) as string[];
  return tokens.length > 0 ? tokens.join('') : undefined;
}
