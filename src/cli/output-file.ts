/**
 * `--output-file FILE` (stackql-deploy's): the stack's outputs (top-level `exports:`) as JSON,
 * with stack_name, stack_env and elapsed_time, for the next step of a pipeline.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DeployError } from '../errors/index.js';
import type { Stack } from '../stack/index.js';

export function writeOutputFile(
  file: string,
  cwd: string,
  stack: Stack,
  exports: { values: Record<string, unknown>; missing: string[] },
  elapsedMs: number,
): void {
  if (exports.missing.length > 0) {
    throw new DeployError('MissingExport', `no resource exports ${exports.missing.join(', ')}`, {
      hint: 'the top-level exports of the manifest must name exports of its resources (deployed ones)',
    });
  }
  const output = {
    stack_name: stack.name,
    stack_env: stack.env,
    ...exports.values,
    elapsed_time: `${(elapsedMs / 1000).toFixed(2)}s`,
  };
  writeFileSync(resolve(cwd, file), `${JSON.stringify(output, null, 2)}\n`);
}
