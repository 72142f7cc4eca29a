/**
 * Commander's parse errors, told the way every other error is: `error [Code]: message` with a
 * hint saying what exists (did you mean …) and where to read more.
 */
import type { Command as Program, CommanderError } from 'commander';
import { closest } from '../common/suggest.js';
import { DeployError } from '../errors/index.js';
import { commandPath } from './help.js';

/** Not failures: commander has printed the help or the version. */
const PRINTED = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** The DeployError for a parse error of `cmd`; `example` is a complete command line for it. */
export function usageError(error: CommanderError, cmd: Program, example?: string): Error {
  if (PRINTED.has(error.code)) return error;
  const path = commandPath(cmd);
  const help = `see \`${path} --help\``;
  const args = cmd.registeredArguments.map((a) => `<${a.name()}>`).join(' ');
  switch (error.code) {
    case 'commander.unknownCommand': {
      const name = cmd.args[0] ?? '';
      const names = cmd.commands.map((c) => c.name());
      const [near] = closest(name, names, 1);
      return new DeployError('UnknownCommand', `unknown command '${name}'${cmd.parent ? ` for ${path}` : ''}`, {
        hint: `${near ? `did you mean '${near}'? ` : ''}commands are ${names.join(', ')}; ${help}`,
      });
    }
    case 'commander.unknownOption': {
      // Commander names the option in quotes; every flag of any command is known (hidden where it
      // does not apply), so this one exists nowhere.
      const flag = /'([^']*)'/.exec(error.message)?.[1] ?? error.message;
      const known = cmd.options.filter((o) => !o.hidden).flatMap((o) => (o.long ? [o.long] : []));
      const [near] = closest(flag, known, 1);
      // Before the command (`deploy --local plan …`) a command's flag is not known yet.
      const placement = cmd.commands.length > 0 ? `a command's flags go after it (${path} <command> … ${flag}); ` : '';
      return new DeployError('InvalidOption', `unknown option '${flag}' for ${path}`, {
        hint: near ? `did you mean ${near}? ${help}` : `${placement}${help}`,
      });
    }
    case 'commander.missingArgument':
      return new DeployError('MissingArgument', `${path} needs ${args}`, {
        hint: example ? `for example: ${example}` : help,
      });
    case 'commander.excessArguments':
      return new DeployError('InvalidArgument', `unexpected argument '${cmd.args[cmd.registeredArguments.length]}'`, {
        hint: `${path} takes ${args || 'no arguments'}; ${help}`,
      });
    default:
      return new DeployError('InvalidOption', error.message.replace(/^error: /, ''), { hint: help });
  }
}
