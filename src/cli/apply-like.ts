/** apply and teardown: the same frame, a different plan. Loaded when one of them runs. */
import { resolve } from 'node:path';
import { apply, loadPlan, teardown, type FailureMode, type RunResult } from '../engine/index.js';
import type { StackRunOptions } from './flags.js';
import { EXIT, type CliIO } from './io.js';
import { requireConfirmation, runStackCommand } from './run-stack-command.js';

export type ApplyLikeOptions = StackRunOptions & {
  readonly yes: boolean;
  readonly onFailure: FailureMode;
  /** apply only: a saved plan to apply exactly. */
  readonly plan?: string | undefined;
};

const QUESTION = {
  apply: "Do you want to apply these changes? Only 'yes' will be accepted: ",
  teardown: "Do you want to delete these resources? Only 'yes' will be accepted: ",
};

export function applyLike(command: 'apply' | 'teardown', options: ApplyLikeOptions, io: CliIO): Promise<number> {
  const mustAsk = requireConfirmation(options, io, command);
  const saved = options.plan !== undefined ? loadPlan(resolve(io.cwd, options.plan)) : undefined;
  const run = command === 'apply' ? apply : teardown;
  return runStackCommand(
    command,
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
