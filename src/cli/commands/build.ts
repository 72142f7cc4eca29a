/**
 * `deploy build <stack-dir> <env>`: stackql-deploy's build. Apply without a question (a build
 * is a decision already made), `--on-failure error|ignore|rollback`, `--output-file FILE` for
 * the stack's outputs, and `--dry-run`: the plan only, nothing changed.
 */
import { apply, plan } from '../../engine/index.js';
import { EXIT, type CliIO } from '../io.js';
import type { CliOptions } from '../options.js';
import { writeOutputFile } from '../output-file.js';
import { runStackCommand } from '../run-stack-command.js';

export default function build(options: CliOptions, io: CliIO): Promise<number> {
  const started = Date.now();
  if (options.dryRun) {
    return runStackCommand(
      options,
      io,
      ({ stack, deps }) => plan(stack, deps),
      () => {
        (options.json ? io.stderr : io.stdout).write('Dry run: nothing was changed.\n');
        return EXIT.ok;
      },
    );
  }
  return runStackCommand(
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
}
