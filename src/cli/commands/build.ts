/**
 * `deploy build <stack-dir> <env>`: stackql-deploy's build. Apply without a question (a build
 * is a decision already made), `--on-failure error|ignore|rollback`, `--output-file FILE` for
 * the stack's outputs, and `--dry-run`: the plan only, nothing changed.
 */
import { command, flag } from '../command.js';
import { ON_FAILURE, OUTPUT, OUTPUT_FILE, PACING, STACK_ARGS, VARS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'build',
  summary: "stackql-deploy's build: apply without asking",
  description:
    'Plans and applies the stack without a question, as stackql-deploy build does; --dry-run only plans. ' +
    '--output-file writes the stack outputs (top-level exports) as JSON.',
  args: STACK_ARGS,
  flags: [
    flag({ name: 'dry-run', description: 'plan only: show what build would do, change nothing', default: false }),
    OUTPUT_FILE,
    ON_FAILURE,
    ...WHERE,
    ...VARS,
    ...OUTPUT,
    ...PACING,
  ],
  example: 'deploy build examples/websocket-api dev --local --output-file outputs.json',
  async run(options, io) {
    const { apply, plan } = await import('../../engine/index.js');
    const { runStackCommand } = await import('../run-stack-command.js');
    const { writeOutputFile } = await import('../output-file.js');
    const started = Date.now();
    if (options.dryRun) {
      return runStackCommand(
        'build',
        options,
        io,
        ({ stack, deps }) => plan(stack, deps, { parallelism: options.parallelism }),
        () => {
          (options.json ? io.stderr : io.stdout).write('Dry run: nothing was changed.\n');
          return EXIT.ok;
        },
      );
    }
    return runStackCommand(
      'build',
      options,
      io,
      async ({ stack, deps, signal }) => {
        const result = await apply(stack, deps, {
          parallelism: options.parallelism,
          onFailure: options.onFailure,
          signal,
        });
        if (result.kind === 'applied' && result.outcome.outcome === 'success' && options.outputFile !== undefined) {
          writeOutputFile(options.outputFile, io.cwd, stack, result.outcome.exports, Date.now() - started);
        }
        return result;
      },
      (result) => {
        if (result.kind !== 'applied') return EXIT.ok;
        if (result.outcome.outcome === 'interrupted') return EXIT.interrupted;
        return result.outcome.outcome === 'failed' ? EXIT.error : EXIT.ok;
      },
    );
  },
});
