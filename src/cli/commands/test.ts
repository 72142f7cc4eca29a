/**
 * `deploy test <stack-dir> <env>`: stackql-deploy's test. Is every resource deployed and in its
 * desired state (its statecheck holds)? One line per resource, exit 1 if any fails; with
 * --json, the report as one JSON object; `--output-file FILE` writes the stack's outputs.
 */
import { command } from '../command.js';
import { OUTPUT, OUTPUT_FILE, PACING, STACK_ARGS, VARS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

const MARK = { passed: '✓', failed: '✗', skipped: '-' };

export default command({
  name: 'test',
  summary: 'is every resource there and in its desired state?',
  description:
    "Reads the stack and runs every resource's statecheck (without one: is the resource there, matching " +
    'the stack?). One line per resource; exits 1 if any fails.',
  args: STACK_ARGS,
  flags: [OUTPUT_FILE, ...WHERE, ...VARS, ...OUTPUT, ...PACING],
  example: 'deploy test examples/websocket-api dev --local',
  async run(options, io) {
    const { test } = await import('../../engine/index.js');
    const { runStackCommand } = await import('../run-stack-command.js');
    const { writeOutputFile } = await import('../output-file.js');
    const started = Date.now();
    return runStackCommand(
      'test',
      options,
      io,
      async ({ stack, deps, signal }) => {
        const report = await test(stack, deps, signal);
        if (options.outputFile !== undefined && report.passed) {
          writeOutputFile(options.outputFile, io.cwd, stack, report.exports, Date.now() - started);
        }
        return report;
      },
      (report) => {
        if (options.json) {
          io.stdout.write(
            `${JSON.stringify({ type: 'test_report', passed: report.passed, results: report.results })}\n`,
          );
          return report.passed ? EXIT.ok : EXIT.error;
        }
        const width = Math.max(0, ...report.results.map((r) => r.resource.length));
        for (const r of report.results)
          io.stdout.write(`${MARK[r.outcome]} ${r.resource.padEnd(width)}  ${r.detail}\n`);
        const count = (o: string): number => report.results.filter((r) => r.outcome === o).length;
        io.stdout.write(
          `\nTest ${report.passed ? 'passed' : 'failed'}: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped.\n`,
        );
        return report.passed ? EXIT.ok : EXIT.error;
      },
    );
  },
});
