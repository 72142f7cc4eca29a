import { DeployError } from '../../errors/index.js';
import type { CliIO } from '../io.js';
import type { CliOptions } from '../options.js';
import { applyLike } from './apply-like.js';

export default async function teardownCommand(options: CliOptions, io: CliIO): Promise<number> {
  if (options.plan !== undefined) {
    throw new DeployError('InvalidOption', 'teardown takes no --plan', {
      hint: 'teardown always plans the deletes anew: run `deploy teardown <stack-dir> <env>`',
    });
  }
  return applyLike('teardown', options, io);
}
