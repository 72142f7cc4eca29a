/**
 * What stackql-deploy's SELECT anchors mean, read from their rows:
 * - exists: a row with a `count` column means its count (0 or 1); a row of other columns means
 *   the resource exists (all of them null or empty: it does not), and those columns are its
 *   `this.*` fields; more than one means the query is not specific enough;
 * - statecheck: `count` = 1, or a row of anything;
 * - callback: `success` (or `count`) true or 1.
 * Retries (`retries=N, retry_delay=S`) poll the query until the answer is yes.
 */
import { DeployError } from '../errors/index.js';
import type { QueryResult, Row, SqlValue } from '../sql/index.js';
import type { RenderedQuery } from '../stack/index.js';

function countColumn(result: QueryResult): string | undefined {
  const [only, ...rest] = result.columns;
  if (only === undefined || rest.length > 0) return undefined;
  const name = only.toLowerCase();
  return name === 'count' || name.startsWith('count(') ? only : undefined;
}

function present(value: SqlValue): boolean {
  return value !== null && value !== '';
}

export function existence(
  result: QueryResult,
  query: RenderedQuery,
  resource: string,
): { exists: boolean; fields?: Row } {
  const ambiguous = (n: number): never => {
    throw new DeployError('AmbiguousLookup', `the ${query.anchor} query of '${resource}' found ${n} resources`, {
      file: query.file,
      line: query.line,
      resource,
      hint: 'make the query select exactly one resource (filter on a unique name or tag)',
    });
  };
  const counted = countColumn(result);
  if (counted !== undefined) {
    const n = Number(result.rows[0]?.[counted] ?? 0);
    if (n > 1) ambiguous(n);
    return { exists: n === 1 };
  }
  const rows = result.rows.filter((row) => Object.values(row).some(present));
  if (rows.length > 1) ambiguous(rows.length);
  const row = rows[0];
  return row ? { exists: true, fields: row } : { exists: false };
}

export function statecheckHolds(result: QueryResult): boolean {
  const counted = countColumn(result);
  if (counted !== undefined) return Number(result.rows[0]?.[counted] ?? 0) === 1;
  return result.rows.some((row) => Object.values(row).some(present));
}

export function callbackDone(result: QueryResult): boolean {
  const row = result.rows[0];
  if (!row) return false;
  const key = Object.keys(row).find((k) => ['success', 'count'].includes(k.toLowerCase()));
  const value = key === undefined ? undefined : row[key];
  return value === 1 || value === '1' || String(value).toLowerCase() === 'true';
}

export interface Retry {
  attempts: number;
  delayMs: number;
}

/** `retries` attempts (at least one), `retry_delay` seconds apart, as the anchor says. */
export function retryOf(query: RenderedQuery, defaults: { retries: number; delay: number }): Retry {
  const number = (key: string, fallback: number): number => {
    const value = Number(query.options[key] ?? fallback);
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return {
    attempts: Math.max(1, number('retries', defaults.retries)),
    delayMs: number('retry_delay', defaults.delay) * 1000,
  };
}

/** Runs `attempt` until `done` says yes or the attempts run out; the last answer either way. */
export async function poll<T>(
  retry: Retry,
  attempt: () => Promise<T>,
  done: (value: T) => boolean,
  signal?: AbortSignal,
): Promise<{ value: T; ok: boolean; attempts: number }> {
  for (let n = 1; ; n++) {
    const value = await attempt();
    if (done(value)) return { value, ok: true, attempts: n };
    if (n >= retry.attempts || signal?.aborted) return { value, ok: false, attempts: n };
    await new Promise((resolve) => setTimeout(resolve, retry.delayMs));
  }
}
