/**
 * Variables from a dotenv file: KEY=VALUE lines, `#` comments, `export ` prefixes, single
 * quotes (literal), double quotes (with \n, \t, \", \\ escapes; may span lines). Unlike
 * stackql-deploy, a missing file is an error: a typo in --env-file must not silently drop
 * every variable.
 */
import { DeployError } from '../errors/index.js';
import { displayPath } from './display-path.js';
import { readTextFile } from './read-text.js';

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

interface Cursor {
  lines: string[];
  index: number;
}

/** Reads a quoted value starting after the opening quote; returns the value and what follows. */
function quoted(first: string, quote: string, cursor: Cursor): { value: string; rest: string } | undefined {
  let value = '';
  let text = first;
  for (;;) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (quote === '"' && ch === '\\' && i + 1 < text.length) {
        const next = text[++i] as string;
        value += ESCAPES[next] ?? `\\${next}`;
      } else if (ch === quote) return { value, rest: text.slice(i + 1) };
      else value += ch;
    }
    if (cursor.index + 1 >= cursor.lines.length) return undefined;
    cursor.index++;
    value += '\n';
    text = cursor.lines[cursor.index] as string;
  }
}

export function parseEnvFile(path: string): Record<string, string> {
  const shown = displayPath(path);
  const text = readTextFile(path, {
    what: 'env file',
    shown,
    missingCode: 'EnvFileNotFound',
    missingHint: 'create it, point --env-file at the right file, or pass variables with -e KEY=VALUE',
  });
  const vars: Record<string, string> = {};
  const cursor: Cursor = { lines: text.split(/\r?\n/), index: 0 };
  for (; cursor.index < cursor.lines.length; cursor.index++) {
    const line = cursor.index + 1;
    const raw = cursor.lines[cursor.index] as string;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const match = ASSIGNMENT.exec(raw);
    const fail = (message: string): DeployError =>
      new DeployError('EnvFileSyntax', message, {
        file: shown,
        line,
        hint: 'write one KEY=VALUE per line; quote values holding spaces or #',
      });
    if (match === null) throw fail(`not a KEY=VALUE line: ${raw.trim().slice(0, 60)}`);
    const [, key, rest] = match as unknown as [string, string, string];
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      const read = quoted(rest.slice(1), quote, cursor);
      if (read === undefined) throw fail(`the value of ${key} opens a ${quote} quote that is never closed`);
      if (!/^\s*(#.*)?$/.test(read.rest)) throw fail(`unexpected text after the quoted value of ${key}`);
      vars[key] = read.value;
    } else {
      // An unquoted value ends at a comment (a # after whitespace).
      vars[key] = rest.replace(/(^|\s+)#.*$/, '').trim();
    }
  }
  return vars;
}
