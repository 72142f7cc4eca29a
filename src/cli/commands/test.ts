/**
 * `deploy test <stack-dir> <env>`: stackql-deploy's test. Is every resource deployed and in its
 * desired state (its statecheck holds)? One line per resource, exit 1 if any fails; with
 * --json, the report as one JSON object; `--output-file FILE` writes the stack's outputs.
 */
import { test, type TestReport } from '../../engine/index.js';
import { EXIT, type CliIO } from '../io.js';
import type { CliOptions } from '../options.js';
import { writeOutputFile } from '../output-file.js';
import { runStackCommand } from '../run-stack-command.js';

const MARK = { passed: '✓', failed: '✗', skipped: '-' };

export default function testCommand(options: CliOptions, io: CliIO): Promise<number> {
  const started = Date.now();
  return runStackCommand<TestReport>(
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
        io.stdout.write(`${JSON.stringify({ type: 'test_report', passed: report.passed, results: report.results })}\n`);
      } else {
        const width = Math.max(...report.results.map((r) => r.resource.length), 0);
        for (const r of report.results)
          io.stdout.write(`${MARK[r.outcome]} ${r.resource.padEnd(width)}  ${r.detail}\n`);
        const count = (o: string): number => report.results.filter((r) => r.outcome === o).length;
        io.stdout.write(
          `\nTest ${report.passed ? 'passed' : 'failed'}: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped.\n`,
        );
      }
      return report.passed ? EXIT.ok : EXIT.error;
    },
  );
}
