import { resolve } from 'node:path';
import { command, flag } from '../command.js';
import { OUTPUT, PACING, STACK_ARGS, VARS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'plan',
  summary: 'show what apply would change',
  description:
    'Reads every resource of the stack and shows what apply would create, update, replace and delete, and why.',
  args: STACK_ARGS,
  flags: [
    flag({
      name: 'out',
      value: 'FILE',
      description: 'save the plan, to apply exactly it with apply --plan FILE',
      default: undefined as string | undefined,
    }),
    flag({
      name: 'detailed-exitcode',
      description: 'exit 2 when there are changes, 0 when there are none',
      default: false,
    }),
    ...WHERE,
    ...VARS,
    ...OUTPUT,
    ...PACING,
  ],
  example: 'deploy plan examples/websocket-api dev --local --diff',
  async run(options, io) {
    const { plan, savePlan } = await import('../../engine/index.js');
    const { runStackCommand } = await import('../run-stack-command.js');
    return runStackCommand(
      'plan',
      options,
      io,
      async ({ stack, deps }) => {
        const result = await plan(stack, deps, { parallelism: options.parallelism });
        if (options.out !== undefined) {
          savePlan(resolve(io.cwd, options.out), result.plan);
          // On stderr with --json, so stdout stays one JSON event per line.
          (options.json ? io.stderr : io.stdout).write(
            `Saved the plan to ${options.out}. Apply exactly it with: deploy apply ${[options.stackDir, options.env, ...(options.local ? ['--local'] : [])].join(' ')} --plan ${options.out}\n`,
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
  },
});
