/**
 * Value literals in statements: `'text'`, `string('text')`, numbers, `true`/`false`, `NULL`,
 * and a bare unknown token (a template value rendered outside quotes before it is known).
 */
import type { Cursor } from './cursor.js';

export type Literal =
  | { kind: 'string'; value: string; line: number }
  | { kind: 'number'; value: number; text: string; line: number }
  | { kind: 'boolean'; value: boolean; line: number }
  | { kind: 'null'; line: number };

export function parseLiteral(cursor: Cursor): Literal {
  const token = cursor.peek();
  if (token.kind === 'string' || token.kind === 'unknown') {
    cursor.next();
    return { kind: 'string', value: token.text, line: token.line };
  }
  if (token.kind === 'number' || (cursor.isPunct('-') && cursor.peek(1).kind === 'number')) {
    const sign = cursor.acceptPunct('-') ? '-' : '';
    const text = sign + cursor.next().text;
    return { kind: 'number', value: Number(text), text, line: token.line };
  }
  if (cursor.isWord('true') || cursor.isWord('false')) {
    return { kind: 'boolean', value: cursor.next().text.toLowerCase() === 'true', line: token.line };
  }
  if (cursor.acceptWord('null')) return { kind: 'null', line: token.line };
  // StackQL's `string('…')` marks a value as text; the value is the quoted string inside.
  if (cursor.isWord('string') && cursor.isPunct('(', 1)) {
    cursor.next();
    cursor.next();
    const inner = cursor.peek();
    if (inner.kind !== 'string' && inner.kind !== 'unknown') cursor.fail('a quoted string inside string(…)');
    cursor.next();
    cursor.expectPunct(')');
    return { kind: 'string', value: inner.text, line: inner.line };
  }
  return cursor.fail("a value ('text', a number, true, false or NULL)");
}

/** The literal as text, for identifiers, regions and filters; undefined for NULL. */
export function literalText(literal: Literal): string | undefined {
  switch (literal.kind) {
    case 'string':
      return literal.value;
    case 'number':
      return literal.text;
    case 'boolean':
      return String(literal.value);
    case 'null':
      return undefined;
  }
}
