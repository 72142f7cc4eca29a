/**
 * Tokens of a rendered StackQL statement, each with the file line it sits on, so parse errors
 * can point at the offending token rather than at the statement.
 */
import { DeployError } from '../errors/index.js';

export type TokenKind = 'word' | 'string' | 'number' | 'unknown' | 'punct' | 'end';

export interface Token {
  kind: TokenKind;
  /** Words and punctuation as written; strings unescaped and unquoted; numbers as written. */
  text: string;
  /** 1-based line in the file. */
  line: number;
  /** Offsets into the statement text (for slicing expressions back out). */
  start: number;
  end: number;
}

export interface Origin {
  file: string;
  /** Line of the statement's first character. */
  line: number;
  resource?: string | undefined;
}

const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const UNKNOWN = /«unknown:[^»]*»/y;

export function tokenize(sql: string, origin: Origin): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = origin.line;
  const advanceTo = (stop: number): void => {
    for (let j = i; j < stop; j++) if (sql[j] === '\n') line++;
    i = stop;
  };
  const fail = (code: string, message: string, at: number): never => {
    throw new DeployError(code, message, { file: origin.file, line: at, resource: origin.resource });
  };
  // test() and a slice: exec() would allocate a match array per token.
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = i;
    return pattern.test(sql) ? sql.slice(i, pattern.lastIndex) : undefined;
  };

  while (i < sql.length) {
    const ch = sql[i] as string;
    const code = sql.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(ch))) {
      if (code === 10) line++;
      i++;
    } else if (sql.startsWith('--', i)) {
      const stop = sql.indexOf('\n', i);
      advanceTo(stop < 0 ? sql.length : stop);
    } else if (sql.startsWith('/*', i)) {
      const stop = sql.indexOf('*/', i + 2);
      if (stop < 0) fail('UnterminatedComment', 'comment /* is never closed', line);
      advanceTo(stop + 2);
    } else if (ch === "'" || ch === '"') {
      tokens.push(quoted(sql, i, line, ch, fail));
      advanceTo((tokens[tokens.length - 1] as Token).end);
    } else {
      const word = match(WORD);
      const number = word === undefined ? match(NUMBER) : undefined;
      const unknown = word === undefined && number === undefined ? match(UNKNOWN) : undefined;
      const text = word ?? number ?? unknown ?? ch;
      const kind: TokenKind = word ? 'word' : number ? 'number' : unknown ? 'unknown' : 'punct';
      tokens.push({ kind, text, line, start: i, end: i + text.length });
      advanceTo(i + text.length);
    }
  }
  tokens.push({ kind: 'end', text: '', line, start: sql.length, end: sql.length });
  return tokens;
}

/**
 * A quoted token starting at `start`. Single quotes make an SQL string (`''` escapes a quote);
 * double quotes make a quoted identifier, returned as a word.
 */
function quoted(
  sql: string,
  start: number,
  line: number,
  quote: string,
  fail: (code: string, message: string, at: number) => never,
): Token {
  let text = '';
  let i = start + 1;
  for (;;) {
    const stop = sql.indexOf(quote, i);
    if (stop < 0) {
      const what = quote === "'" ? 'string' : 'quoted name';
      return fail('UnterminatedString', `${what} starting here is never closed`, line);
    }
    text += sql.slice(i, stop);
    if (sql[stop + 1] === quote) {
      text += quote;
      i = stop + 2;
    } else {
      return { kind: quote === "'" ? 'string' : 'word', text, line, start, end: stop + 1 };
    }
  }
}
