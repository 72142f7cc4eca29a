/**
 * Entry point of the `deploy` command. Parses arguments, runs one command, and maps its
 * outcome to an exit code. Commands are imported on demand so `deploy --help` stays fast.
 */
import { closest } from '../common/index.js';
import { formatError } from './format-error.js';
import { HELP, VERSION } from './help.js';
import { EXIT, type CliIO } from './io.js';
import { parseCli, type CliOptions } from './options.js';

type CommandModule = { default: (options: CliOptions, io: CliIO) => Promise<number> };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  validate: () => import('./commands/validate.js'),
  render: () => import('./commands/render.js'),
  plan: () => import('./commands/plan.js'),
  apply: () => import('./commands/apply.js'),
  teardown: () => import('./commands/teardown.js'),
  unlock: () => import('./commands/unlock.js'),
  'local-cloud': () => import('./commands/local-cloud.js'),
};

export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    const options = parseCli(argv, io.env);
    if (options.version) {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (options.help || options.command === undefined || options.command === 'help') {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const load = COMMANDS[options.command];
    if (!load) {
      const near = closest(options.command, Object.keys(COMMANDS), 1);
      const guess = near.length ? `did you mean '${near[0]}'? ` : '';
      io.stderr.write(
        `error [UnknownCommand]: unknown command '${options.command}'\n  hint: ${guess}commands are ${Object.keys(COMMANDS).join(', ')}; see deploy --help\n`,
      );
      return EXIT.error;
    }
    const command = await load();
    return await command.default(options, io);
  } catch (error) {
    io.stderr.write(`${formatError(error)}\n`);
    return EXIT.error;
  }
}
