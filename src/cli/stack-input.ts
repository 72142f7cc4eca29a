import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StackInput } from '../stack/index.js';
import type { StackReadOptions } from './flags.js';
import type { CliIO } from './io.js';

/**
 * What every stack command passes to loadStack, from its arguments and process. Without
 * --env-file, a `.env` in the working directory is read when there is one (as stackql-deploy does).
 */
export function stackInput(options: StackReadOptions, io: CliIO): StackInput {
  const envFile = options.envFile ?? (existsSync(resolve(io.cwd, '.env')) ? '.env' : undefined);
  return {
    stackDir: options.stackDir,
    env: options.env,
    processEnv: io.env,
    assignments: [...options.var],
    secrets: [...options.secret],
    cwd: io.cwd,
    ...(envFile !== undefined ? { envFile } : {}),
  };
}
