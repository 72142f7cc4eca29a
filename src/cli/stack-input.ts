import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StackInput } from '../stack/index.js';
import type { CliIO } from './io.js';
import { stackArgs, type CliOptions } from './options.js';

/**
 * What every stack command passes to loadStack, from its arguments and process. Without
 * --env-file, a `.env` in the working directory is read when there is one (as stackql-deploy does).
 */
export function stackInput(options: CliOptions, io: CliIO): StackInput {
  const { stackDir, env } = stackArgs(options);
  const envFile = options.envFile ?? (existsSync(resolve(io.cwd, '.env')) ? '.env' : undefined);
  return {
    stackDir,
    env,
    processEnv: io.env,
    assignments: options.vars,
    cwd: io.cwd,
    ...(envFile !== undefined ? { envFile } : {}),
  };
}
