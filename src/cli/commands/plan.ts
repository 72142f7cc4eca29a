import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { command, flag } from '../command.js';
import { STACK_ARGS, STACK_RUN } from '../flags.js';
import { EXIT, type CliIO } from '../io.js';
import { oneOf } from '../values.js';

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
    flag({
      name: 'format',
      value: 'FORMAT',
      description: 'text (the terminal view), or markdown for a pull request (also appended to $GITHUB_STEP_SUMMARY)',
      parse: oneOf(['text', 'markdown']),
      default: 'text',
      conflicts: ['json'],
    }),
    ...STACK_RUN,
  ],
  example: 'deploy plan examples/websocket-api dev --local --diff',
  async run(options, io) {
    const { plan, savePlan } = await import('../../engine/index.js');
    const { runStackCommand } = await import('../run-stack-command.js');
    const markdown = options.format === 'markdown';
    // With markdown, the plan document is the whole of stdout: the usual view goes nowhere.
    const runIO: CliIO = markdown ? { ...io, stdout: new Writable({ write: (_c, _e, done) => done() }) } : io;
    return runStackCommand(
      'plan',
      options,
      runIO,
      async ({ stack, deps }) => {
        const result = await plan(stack, deps, { parallelism: options.parallelism });
        if (options.out !== undefined) {
          savePlan(resolve(io.cwd, options.out), result.plan);
          // On stderr with --json, so stdout stays one JSON event per line.
          (options.json ? io.stderr : io.stdout).write(
            `Saved the plan to ${options.out}. Apply exactly it with: deploy apply ${[options.stackDir, options.env, ...(options.local ? ['--local'] : [])].join(' ')} --plan ${options.out}\n`,
          );
        }
        if (markdown) {
          const { formatPlanMarkdown } = await import('../../ui/index.js');
          const document = `${formatPlanMarkdown(result.plan)}\n`;
          io.stdout.write(document);
          const summary = io.env['GITHUB_STEP_SUMMARY'];
          if (summary) appendFileSync(summary, document);
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
