/**
 * Rendered StackQL text → one typed Cloud Control operation. Pure: the only lookup is the
 * schema registry handed in the context.
 */
import { Cursor, describe } from './cursor.js';
import { parseDelete } from './delete.js';
import { parseInsert } from './insert.js';
import { tokenize, type Token } from './lexer.js';
import { parseSelect } from './select.js';
import type { Operation, StatementContext } from './types.js';
import { parseUpdate } from './update.js';

export function parseStatement(sql: string, ctx: StatementContext): Operation {
  const origin = { file: ctx.file, line: ctx.line, resource: ctx.resource };
  const cursor = new Cursor(tokenize(sql, origin), sql, origin);
  if (cursor.isWord('insert')) return parseInsert(cursor, ctx);
  if (cursor.isWord('update')) return parseUpdate(cursor, ctx);
  if (cursor.isWord('delete')) return parseDelete(cursor, ctx);
  if (cursor.isWord('select')) return parseSelect(cursor, ctx);
  const first = cursor.peek();
  const what = first.kind === 'end' ? 'an empty statement' : `a statement starting with ${describe(first)}`;
  throw cursor.error('UnsupportedStatement', `expected INSERT, UPDATE, DELETE or SELECT but found ${what}`, first.line);
}

/**
 * A command block's statements, split at each `;` outside quotes and comments, with their
 * lines and first word (lower case: `select`, `insert`, …).
 */
export function splitStatements(
  sql: string,
  ctx: Pick<StatementContext, 'file' | 'line' | 'resource'>,
): { sql: string; line: number; verb: string }[] {
  const origin = { file: ctx.file, line: ctx.line, ...(ctx.resource !== undefined ? { resource: ctx.resource } : {}) };
  const out: { sql: string; line: number; verb: string }[] = [];
  let start: Token | undefined;
  for (const token of tokenize(sql, origin)) {
    const ends = token.kind === 'end' || (token.kind === 'punct' && token.text === ';');
    if (!ends) {
      start ??= token;
      continue;
    }
    if (start) out.push({ sql: sql.slice(start.start, token.start), line: start.line, verb: start.text.toLowerCase() });
    start = undefined;
  }
  return out;
}
