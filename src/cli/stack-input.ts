import type { StackInput } from '../stack/index.js';
import type { CliIO } from './io.js';
import { stackArgs, type CliOptions } from './options.js';

/** What every stack command passes to loadStack, from its arguments and process. */
export function stackInput(options: CliOptions, io: CliIO): StackInput {
  const { stackDir, env } = stackArgs(options);
  return {
    stackDir,
    env,
    processEnv: io.env,
    assignments: options.vars,
    secrets: options.secrets,
    cwd: io.cwd,
    ...(options.envFile !== undefined ? { envFile: options.envFile } : {}),
  };
}
