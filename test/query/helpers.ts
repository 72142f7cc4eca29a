import { expect } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { parseStatement, type Operation, type StatementContext } from '../../src/query/index.js';
import { schemaRegistry } from '../../src/schema/index.js';

export const FILE = 'resources/integration.iql';

export function context(line = 1, resource = 'integration'): StatementContext {
  return { file: FILE, line, resource, registry: schemaRegistry() };
}

export function parse(sql: string, line = 1): Operation {
  return parseStatement(sql, context(line));
}

/** The DeployError `fn` throws (fails the test if it throws anything else or nothing). */
export function errorOf(fn: () => unknown): DeployError {
  try {
    fn();
  } catch (error) {
    expect(DeployError.is(error), String(error)).toBe(true);
    return error as DeployError;
  }
  throw new Error('expected a DeployError, nothing was thrown');
}

export function parseError(sql: string, line = 1): DeployError {
  return errorOf(() => parse(sql, line));
}
