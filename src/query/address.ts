/**
 * The tail UPDATE and DELETE share: `WHERE data__Identifier = '…' AND region = '…'
 * [RETURNING …]`, which must address exactly one resource (no other filters).
 */
import type { TypeSchema } from '../schema/index.js';
import type { Cursor } from './cursor.js';
import { parseReturning } from './returning.js';
import { classify, parseConditions, rejectFilters, requireIdentifier, requireRegion } from './where.js';

export interface Address {
  region: string;
  identifier: string;
  returning?: string[];
}

/** Parses to the end of the statement; `startLine` is where to point when WHERE is missing. */
export function parseAddress(
  cursor: Cursor,
  schema: TypeSchema,
  verb: 'UPDATE' | 'DELETE',
  startLine: number,
): Address {
  const where = cursor.acceptWord('where');
  const conditions = classify(cursor, where ? parseConditions(cursor) : [], schema);
  const returning = parseReturning(cursor);
  cursor.expectEnd();
  rejectFilters(cursor, conditions, verb);
  const at = where?.line ?? startLine;
  const address: Address = {
    region: requireRegion(cursor, conditions, at),
    identifier: requireIdentifier(cursor, conditions, at, verb),
  };
  if (returning !== undefined) address.returning = returning;
  return address;
}
