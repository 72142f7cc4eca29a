/**
 * Opaque NextTokens. They carry a sequence number (a position in creation order), not an
 * offset, so a page boundary stays put when earlier items are deleted between calls.
 */
import { invalidRequest } from './cloud-error.js';

const PREFIX = 'lc1:';

export function encodeNextToken(seq: number): string {
  return Buffer.from(PREFIX + String(seq)).toString('base64');
}

/** The sequence number a token continues after; a token we did not issue is a client error. */
export function decodeNextToken(token: string): number {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const seq = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isSafeInteger(seq)) {
    throw invalidRequest(`Invalid NextToken '${token}'.`);
  }
  return seq;
}

/**
 * One page of `items` (sorted by ascending or descending `seq`) that come after `after`.
 * `ascending` says which way the list runs so "after" means "further along".
 */
export function paginate<T extends { seq: number }>(
  items: Iterable<T>,
  pageSize: number,
  nextToken: string | undefined,
  ascending: boolean,
): { page: T[]; nextToken?: string } {
  const after = nextToken === undefined ? undefined : decodeNextToken(nextToken);
  const page: T[] = [];
  let more = false;
  for (const item of items) {
    if (after !== undefined && (ascending ? item.seq <= after : item.seq >= after)) continue;
    if (page.length === pageSize) {
      more = true;
      break;
    }
    page.push(item);
  }
  const last = page[page.length - 1];
  return more && last ? { page, nextToken: encodeNextToken(last.seq) } : { page };
}
