import { resolve } from 'node:path';
import { apply, loadPlan, teardown, type RunResult } from '../../engine/index.js';
import { EXIT, type CliIO } from '../io.js';
import type { CliOptions } from '../options.js';
import { requireConfirmation, runStackCommand } from '../run-stack-command.js';

const QUESTION = {
  apply: "Do you want to apply these changes? Only 'yes' will be accepted: ",
  teardown: "Do you want to delete these resources? Only 'yes' will be accepted: ",
};

/** apply and teardown: the same frame, a different plan. */
export function applyLike(command: 'apply' | 'teardown', options: CliOptions, io: CliIO): Promise<number> {
  const mustAsk = requireConfirmation(options, io, command);
  const saved = options.plan !== undefined ? loadPlan(resolve(io.cwd, options.plan)) : undefined;
  const run = command === 'apply' ? apply : teardown;
  return runStackCommand(
    options,
    io,
    ({ stack, deps, signal, ask }) =>
      run(stack, deps, {
        parallelism: options.parallelism,
        onFailure: options.onFailure,
        signal,
        ...(saved ? { saved } : {}),
        // The reporter has shown the plan (plan_ready) before this is asked.
        ...(mustAsk ? { confirm: () => ask(QUESTION[command]) } : {}),
      }),
    (result: RunResult) => {
      // The reporter said so ("Apply cancelled: nothing was changed."); the exit code tells scripts.
      if (result.kind === 'cancelled') return EXIT.error;
      if (result.kind !== 'applied') return EXIT.ok;
      if (result.outcome.outcome === 'interrupted') return EXIT.interrupted;
      return result.outcome.outcome === 'failed' ? EXIT.error : EXIT.ok;
    },
  );
}
