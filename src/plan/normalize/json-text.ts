/**
 * JSON documents (policies, bodies, maps) arrive as text on one side and parsed on the other:
 * a template may render a JSON string where the read returns an object, and back.
 */

/** A string holding JSON becomes its parsed value; anything else (or invalid JSON) is itself. */
export function parseIfJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * Only strings that look like a JSON object or array are parsed when a container is expected,
 * so a plain string such as `"5"` stays a string and still differs from an object.
 */
export function asContainer(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return value;
  return parseIfJson(text);
}

/** True when the text is a JSON object or array (what a JSON-text property holds). */
export function isJsonContainerText(value: unknown): value is string {
  return typeof value === 'string' && asContainer(value) !== value;
}
