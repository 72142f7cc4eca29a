/**
 * A command declared as data: its name, what it does, its arguments, its flags, and the
 * function that runs it. Parsing, the flag checks, help, shell completion and dispatch are all
 * derived from these declarations (program.ts, completion/), so a new flag is one declaration
 * in one file, and its typed value reaches `run` under its camel-cased name.
 *
 * This file is loaded by `deploy --help`: it and every command file import nothing heavy at
 * the top; a command's `run` imports the engine, the UI or the emulator when it runs.
 */
import type { CliIO } from './io.js';

/** 'local-data' → 'localData': the key under which a flag's or argument's value reaches `run`. */
export type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

export function camel<S extends string>(name: S): Camel<S> {
  return name.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase()) as Camel<S>;
}

export interface Flag<N extends string = string, T = unknown> {
  /** The long name without its dashes: `--local-data` is 'local-data'. */
  readonly name: N;
  /** One letter: 'e' for `-e`. */
  readonly short?: string;
  /** The value's placeholder in help (`--out FILE`); a flag without one is an on/off switch. */
  readonly value?: string;
  readonly description: string;
  /**
   * Turns the text after the flag into its value, given the value so far (its default, or what
   * an earlier occurrence of a repeatable flag gave); throws a DeployError with a hint on bad
   * input. Without it, the value is the text.
   */
  parse?(this: void, text: string, flag: string, previous: T): T;
  /** The value when the flag is not given (and `fromEnv` has none). */
  readonly default: T;
  /** A value from the environment when the flag is not given. */
  readonly fromEnv?: (env: NodeJS.ProcessEnv) => T | undefined;
  /** Names of flags that cannot be given together with this one. */
  readonly conflicts?: readonly string[];
  /** The heading it is listed under in help; set by `group`. */
  readonly group?: string;
}

export interface Arg<N extends string = string> {
  readonly name: N;
  readonly description: string;
  /** The only values accepted (also offered by shell completion). */
  readonly choices?: readonly string[];
}

/** The typed values `run` receives: one key per flag and per argument. */
export type Options<F extends Flag, A extends Arg = never> = {
  readonly [K in F as Camel<K['name']>]: K extends Flag<string, infer T> ? T : never;
} & { readonly [K in A as Camel<K['name']>]: string };

/** What a command may know about the program it is part of (completion lists every command). */
export interface CliContext {
  readonly commands: readonly Command[];
}

export interface Command<F extends Flag = Flag, A extends Arg = Arg> {
  /** The words after `deploy`: 'plan', or 'schemas refresh' for a command inside a group. */
  readonly name: string;
  /** One line, for the list of commands in `deploy --help`. */
  readonly summary: string;
  /** More, for `deploy <name> --help`; the summary when absent. */
  readonly description?: string;
  readonly args: readonly A[];
  /** Its own flags and the shared groups it takes (flags.ts); nothing else is accepted. */
  readonly flags: readonly F[];
  /** A complete command line, shown in help and in the hint for a missing argument. */
  readonly example?: string;
  /** Returns the exit code (io.ts EXIT). Imports what is heavy when it runs, not before. */
  run(options: Options<F, A>, io: CliIO, cli: CliContext): Promise<number>;
}

/** Declares a command; only gives `run` its typed options. */
export function command<F extends Flag, const A extends Arg>(spec: Command<F, A>): Command<F, A> {
  return spec;
}

/** Declares a flag; only keeps its name's literal type for the key of its value. */
export function flag<const N extends string, T>(spec: Flag<N, T>): Flag<N, T> {
  return spec;
}

/** Flags listed under one heading in help, for several commands to take together. */
export function group<const F extends readonly Flag[]>(heading: string, flags: F): F {
  return flags.map((f) => ({ ...f, group: heading })) as unknown as F;
}

/** `--name`, or `-s, --name` when it has a short form. */
export function flagNames(f: Flag): string[] {
  return f.short === undefined ? [`--${f.name}`] : [`-${f.short}`, `--${f.name}`];
}
