import { resolve } from 'node:path';
import { plan, savePlan } from '../../engine/index.js';
import { EXIT, type CliIO } from '../io.js';
import type { CliOptions } from '../options.js';
import { runStackCommand } from '../run-stack-command.js';

export default function planCommand(options: CliOptions, io: CliIO): Promise<number> {
  return runStackCommand(
    options,
    io,
    async ({ stack, deps }) => {
      const result = await plan(stack, deps, { parallelism: options.parallelism });
      if (options.out !== undefined) {
        savePlan(resolve(io.cwd, options.out), result.plan);
        // On stderr with --json, so stdout stays one JSON event per line.
        (options.json ? io.stderr : io.stdout).write(
          `Saved the plan to ${options.out}. Apply exactly it with: deploy apply ${[...options.positionals, ...(options.local ? ['--local'] : [])].join(' ')} --plan ${options.out}\n`,
        );
      }
      return result;
    },
    (result) => {
      const s = result.plan.summary;
      const changes = s.create + s.update + s.replace + s.delete > 0;
      return options.detailedExitcode && changes ? EXIT.changes : EXIT.ok;
    },
  );
}
