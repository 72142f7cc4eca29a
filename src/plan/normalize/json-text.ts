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
 * so a plain string such as `"5"` stays a string and still differs from an object. IAM's API
 * returns policy documents URL-encoded (`%7B%22Version%22…`), so that spelling is read too.
 */
export function asContainer(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = urlDecoded(value.trim());
  if (!text.startsWith('{') && !text.startsWith('[')) return value;
  const parsed = parseIfJson(text);
  return typeof parsed === 'object' && parsed !== null ? parsed : value;
}

function urlDecoded(text: string): string {
  if (!/^%(7B|5B)/i.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** True when the text is a JSON object or array (what a JSON-text property holds). */
export function isJsonContainerText(value: unknown): value is string {
  return typeof value === 'string' && asContainer(value) !== value;
}
