/**
 * "Known after apply": a value that depends on a resource not yet created. Templates render it
 * as a token that survives string concatenation and quoting, so the rendered statement still
 * parses and the planner can see which values are unknown. The token holds no quote, backslash
 * or control character, so SQL and JSON strings carry it unchanged, and its « » brackets are
 * not typed by accident.
 */
const OPEN = '«unknown:';
const CLOSE = '»';
const TOKEN = /«unknown:([^»]*)»/g;

/** The token for `path` (e.g. `api.api_id`). */
export function unknownToken(path: string): string {
  return `${OPEN}${path}${CLOSE}`;
}

/** True when the text (or any string inside the value) holds an unknown token. */
export function containsUnknown(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(OPEN);
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}

/** The paths of every unknown token in the text. */
export function unknownPaths(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1] as string);
}
