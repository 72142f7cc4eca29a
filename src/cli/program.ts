/**
 * The commander program for one run, built from the command declarations: each command's
 * arguments and flags, its help, and an action that checks what commander cannot (a flag meant
 * for another command, flags that exclude each other, an argument's choices), turns the parsed
 * text into the typed options and calls `run`.
 */
import { Command as Program, Option } from 'commander';
import { DeployError } from '../errors/index.js';
import { camel, flagNames, type Arg, type Command, type Flag, type Options } from './command.js';
import { flagsOf } from './flags.js';
import { ABOUT, groupSummary, helpStyle, ROOT_EPILOG } from './help.js';
import type { CliIO } from './io.js';
import { usageError } from './usage-error.js';
import { listed } from './values.js';
import { packageVersion } from './version.js';

/** What a parse leaves behind: the exit code of the command that ran, and the help or version text. */
export interface Outcome {
  code: number;
  /** Written in one piece by the caller, so `deploy --help | head` never breaks a pipe mid-text. */
  printed: string;
}

/**
 * `argv` names the command that will run: only that one gets every other command's flags
 * (hidden, to say they do not apply to it). They were 500 of the program's 700 options, the
 * most of the 12-16 ms building it took every run; no other command's are read when it runs.
 */
export function buildProgram(commands: readonly Command[], io: CliIO, outcome: Outcome, argv: string[]): Program {
  const version = packageVersion();
  const program = new Program('deploy')
    .usage('<command> [options]')
    .version(version, '--version', 'print the version')
    .configureOutput({
      writeOut: (text) => (outcome.printed += text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {}, // errors are thrown (exitOverride) and told by format-error.ts
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showSuggestionAfterError(false)
    .addHelpText('before', `deploy ${version}: ${ABOUT}\n`)
    .addHelpText('after', ROOT_EPILOG);
  program.configureHelp(helpStyle(program));
  program.exitOverride((error) => {
    throw usageError(error, program);
  });
  const everyFlag = new Map(commands.flatMap(flagsOf).map((f) => [f.name, f]));
  // The longest declared name the arguments start with: `state list`, not a `state` group.
  const running = commands
    .filter((spec) => spec.name.split(' ').every((word, i) => argv[i] === word))
    .sort((a, b) => b.name.length - a.name.length)[0];
  for (const spec of commands) {
    const cmd = place(program, spec.name.split(' ')).summary(spec.summary);
    cmd.description(spec.description ?? spec.summary);
    cmd.exitOverride((error) => {
      throw usageError(error, cmd, spec.example);
    });
    for (const arg of spec.args) cmd.argument(`<${arg.name}>`, arg.description);
    const own = new Map(flagsOf(spec).map((f) => [f, optionOf(f)]));
    // Every other command's flags too, hidden: commander would call them unknown; they are
    // known, and named as not applying to this command.
    const foreign =
      spec !== running
        ? []
        : [...everyFlag.values()]
            .filter((f) => ![...own.keys()].some((o) => o.name === f.name))
            .map((f) => new Option(flagTerm(f)).hideHelp());
    for (const option of [...own.values(), ...foreign]) cmd.addOption(option);
    if (spec.example) cmd.addHelpText('after', `\nExample:\n  ${spec.example}\n`);
    cmd.action(async () => {
      const given = (option: Option): boolean => cmd.getOptionValueSource(option.attributeName()) === 'cli';
      refuseStray(spec, foreign.filter(given));
      refuseConflicts(own, given);
      const options = typedOptions(cmd, spec, own, given, io.env);
      outcome.code = await spec.run(options, io, { commands });
    });
  }
  return program;
}

/** What `run` receives: each argument and flag under its camel-cased name, flags parsed or defaulted. */
function typedOptions(
  cmd: Program,
  spec: Command,
  own: Map<Flag, Option>,
  given: (option: Option) => boolean,
  env: NodeJS.ProcessEnv,
): Options<Flag, Arg> {
  const values: Record<string, unknown> = {};
  spec.args.forEach((arg, i) => {
    values[camel(arg.name)] = checkChoice(spec, arg, String(cmd.processedArgs[i]));
  });
  for (const [f, option] of own) {
    // A switch given is true (even --no-color, which commander stores as color: false).
    const parsed: unknown = f.value === undefined ? true : cmd.getOptionValue(option.attributeName());
    values[camel(f.name)] = given(option) ? parsed : (f.fromEnv?.(env) ?? f.default);
  }
  return values as Options<Flag, Arg>;
}

/** The subcommand for `words` ('schemas refresh'), creating the groups it sits in. */
function place(parent: Program, words: string[]): Program {
  const [word = '', ...rest] = words;
  if (rest.length === 0) return parent.command(word);
  let group = parent.commands.find((c) => c.name() === word);
  if (!group) {
    const created = parent.command(word).usage('<command> [options]');
    created.configureHelp(helpStyle(created)).exitOverride((error) => {
      throw usageError(error, created);
    });
    group = created;
  }
  const sub = place(group, rest);
  group.summary(groupSummary(group.commands.map((c) => c.name())));
  return sub;
}

/** `-e, --var <KEY=VALUE>`: commander's notation for a flag and its value. */
function flagTerm(f: Flag): string {
  const names = flagNames(f).join(', ');
  return f.value === undefined ? names : `${names} <${f.value}>`;
}

function optionOf(f: Flag): Option {
  const option = new Option(flagTerm(f), f.description);
  if (f.group !== undefined) option.helpGroup(f.group);
  // Shown in help as (default: …); switches and lists go without.
  if (typeof f.default === 'number' || typeof f.default === 'string') option.default(f.default);
  const parse = f.parse;
  if (parse) option.argParser((text: string, previous: unknown) => parse(text, `--${f.name}`, previous ?? f.default));
  return option;
}

function refuseStray(spec: Command, stray: Option[]): void {
  if (stray.length === 0) return;
  const names = stray.map((o) => o.long).join(', ');
  throw new DeployError(
    'InvalidOption',
    `${names} ${stray.length > 1 ? 'do' : 'does'} not apply to deploy ${spec.name}`,
    {
      hint: spec.flags.length
        ? `deploy ${spec.name} takes ${spec.flags.map((f) => `--${f.name}`).join(', ')}`
        : `deploy ${spec.name} takes no options`,
    },
  );
}

function refuseConflicts(own: Map<Flag, Option>, given: (option: Option) => boolean): void {
  const byName = new Map([...own].map(([f, option]) => [f.name, { f, option }]));
  for (const [f, option] of own) {
    for (const name of f.conflicts ?? []) {
      const other = byName.get(name);
      if (!other || !given(option) || !given(other.option)) continue;
      const say = (x: Flag): string => `${flagTerm(x).replace(/[<>]/g, '')}: ${x.description}`;
      throw new DeployError('InvalidOption', `--${f.name} and --${name} cannot be given together`, {
        hint: `give one of them. ${say(f)}; ${say(other.f)}`,
      });
    }
  }
}

function checkChoice(spec: Command, arg: Arg, value: string): string {
  if (!arg.choices || arg.choices.includes(value)) return value;
  throw new DeployError('InvalidArgument', `<${arg.name}> must be ${listed(arg.choices)}, got '${value}'`, {
    hint: `for example: deploy ${spec.name} ${arg.choices[0]}`,
  });
}
