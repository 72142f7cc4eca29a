/**
 * Entry point of the `deploy` command: builds the program from the command declarations,
 * parses the arguments, runs one command and maps its outcome to an exit code. Only the
 * declarations and commander load here; a command loads what it needs when it runs, so
 * `deploy --help` and `deploy completion` stay fast.
 */
import { CommanderError } from 'commander';
import type { Command } from './command.js';
import * as declared from './commands/index.js';
import { formatError } from './format-error.js';
import { EXIT, type CliIO } from './io.js';
import { buildProgram, type Outcome } from './program.js';

export const COMMANDS: readonly Command[] = Object.values(declared);

export async function run(argv: string[], io: CliIO, commands: readonly Command[] = COMMANDS): Promise<number> {
  const outcome: Outcome = { code: EXIT.ok, printed: '' };
  try {
    const program = buildProgram(commands, io, outcome, argv);
    if (argv.length === 0) program.outputHelp();
    else await program.parseAsync(argv, { from: 'user' });
    return outcome.code;
  } catch (error) {
    // Help and version are thrown once printed; usage-error.ts has turned real parse errors into DeployErrors.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    io.stderr.write(`${formatError(error)}\n`);
    return EXIT.error;
  } finally {
    if (outcome.printed) io.stdout.write(outcome.printed);
  }
}
