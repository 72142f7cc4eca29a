import type { StackInput } from '../stack/index.js';
import type { StackReadOptions } from './flags.js';
import type { CliIO } from './io.js';

/** What every stack command passes to loadStack, from its arguments and process. */
export function stackInput(options: StackReadOptions, io: CliIO): StackInput {
  return {
    stackDir: options.stackDir,
    env: options.env,
    processEnv: io.env,
    assignments: [...options.var],
    secrets: [...options.secret],
    cwd: io.cwd,
    ...(options.envFile !== undefined ? { envFile: options.envFile } : {}),
  };
}
