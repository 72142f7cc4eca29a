/**
 * Rendering a manifest value: every string inside it is a template; mappings and lists keep
 * their shape (so `{{ tags }}` later prints them as JSON, and filters get structures).
 */
import { renderTemplate } from '../template/index.js';
import type { PathKey } from './yaml-lines.js';

export interface ValueOrigin {
  file: string;
  resource?: string;
  /** Line where the text of the string at `relative` (below the value) starts. */
  textLine(relative: readonly PathKey[]): number;
}

export function renderValue(
  value: unknown,
  context: Record<string, unknown>,
  origin: ValueOrigin,
  relative: PathKey[] = [],
): unknown {
  if (typeof value === 'string') {
    return renderTemplate(
      {
        text: value,
        file: origin.file,
        // Only an error needs the line: finding it is a walk of the YAML, parsed again once
        // the manifest is built (yaml-lines.ts), so it is looked up then.
        get line() {
          return origin.textLine(relative);
        },
        ...(origin.resource === undefined ? {} : { resource: origin.resource }),
      },
      context,
    );
  }
  if (Array.isArray(value)) return value.map((item, i) => renderValue(item, context, origin, [...relative, i]));
  if (value !== null && typeof value === 'object') {
    const rendered: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      rendered[key] = renderValue(item, context, origin, [...relative, key]);
    return rendered;
  }
  return value;
}

/** Every string inside a value, for static analysis. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
