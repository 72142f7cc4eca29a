/**
 * The wording around the generated help: commander lays out the commands, arguments and flags
 * from their declarations; this adds the program's title and closing notes, and lists each
 * command as the line to type.
 */
import type { Command as Program, HelpConfiguration } from 'commander';

export const ABOUT = 'declarative deploys to AWS through Cloud Control, from stackql-deploy stacks';

export const ROOT_EPILOG = `
Run \`deploy <command> --help\` for its arguments and options.

Exit codes: 0 success (plan --detailed-exitcode: no changes), 1 error, 2 changes present
(plan --detailed-exitcode), 130 interrupted.

Example, no AWS account needed:
  deploy apply examples/websocket-api dev --local --yes
`;

/** How a group of commands (`deploy schemas`) is summed up in lists. */
export function groupSummary(names: readonly string[]): string {
  return `subcommands: ${names.join(', ')}`;
}

/** 'deploy schemas refresh': the words that name a command, from the program's name on. */
export function commandPath(cmd: Program): string {
  return cmd.parent ? `${commandPath(cmd.parent)} ${cmd.name()}` : cmd.name();
}

/** How `parent --help` lists its subcommands: `deploy plan <stack-dir> <env>`, what to type. */
export function helpStyle(parent: Program): HelpConfiguration {
  return {
    subcommandTerm: (cmd) =>
      [
        `${commandPath(parent)} ${cmd.name()}`,
        ...cmd.registeredArguments.map((a) => {
          const name = `${a.name()}${a.variadic ? '...' : ''}`;
          return a.required ? `<${name}>` : `[${name}]`;
        }),
      ].join(' '),
  };
}
