/**
 * JSON carried inside SQL strings (object properties, patch documents), with errors pointing at
 * the file line of the fault rather than at the start of the string.
 */
import type { Cursor } from './cursor.js';

const JSON_HINT = 'JSON needs double-quoted keys and strings and no trailing commas; render objects with | tojson';

/** `line`: file line where `text` starts. */
export function parseJsonAt(cursor: Cursor, text: string, what: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    // V8 quotes the whole input in some messages; the user has it already.
    const message = raw.replace(/, "[\s\S]*" is not valid JSON$/, '');
    const position = /at position (\d+)/.exec(raw)?.[1];
    const offset = position === undefined ? 0 : newlines(text.slice(0, Number(position)));
    throw cursor.error('InvalidJson', `${what} is not valid JSON: ${message}`, line + offset, JSON_HINT);
  }
}

function newlines(text: string): number {
  let count = 0;
  for (const ch of text) if (ch === '\n') count++;
  return count;
}

/**
 * A template value not yet known renders as a bare token where it was written unquoted
 * (`"TimeoutInMillis": {{ timeout }}`). Quoting such tokens keeps the document parseable and
 * leaves the token visible as a string, which is how unknown values travel everywhere else.
 */
export function quoteBareUnknowns(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (text.startsWith('«unknown:', i)) {
      const close = text.indexOf('»', i);
      const stop = close < 0 ? text.length : close + 1;
      out += JSON.stringify(text.slice(i, stop));
      i = stop - 1;
    } else {
      out += ch;
    }
  }
  return out;
}
