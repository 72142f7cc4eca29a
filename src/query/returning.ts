/** `RETURNING *` or `RETURNING a, b`: what the caller wants back from a mutation. */
import type { Cursor } from './cursor.js';

export function parseReturning(cursor: Cursor): string[] | undefined {
  if (!cursor.acceptWord('returning')) return undefined;
  if (cursor.acceptPunct('*')) return ['*'];
  const columns: string[] = [];
  do {
    const parts = [cursor.expectName("a column name or '*'").text];
    // Nested fields of the progress event, e.g. ProgressEvent.RequestToken.
    while (cursor.acceptPunct('.')) parts.push(cursor.expectName('a field name after the dot').text);
    columns.push(parts.join('.'));
  } while (cursor.acceptPunct(','));
  return columns;
}
