/**
 * What a shell needs to complete a `deploy` command line, derived from the command
 * declarations: every command (and group of commands) with its subcommands, flags and
 * arguments, and what kind of value each flag and argument takes.
 */
import { flagNames, type Command, type Flag } from '../command.js';
import { flagsOf } from '../flags.js';
import { groupSummary } from '../help.js';
import { choicesOf } from '../values.js';

/** How to complete a value: nothing to offer, a file, a directory, or one of fixed words. */
export type ValueKind = { kind: 'text' | 'file' | 'dir' } | { kind: 'choice'; choices: readonly string[] };

export interface CompletionFlag {
  /** `--local-data`, and `-e` when it has a short form. */
  readonly long: string;
  readonly short?: string;
  /** The first clause of its description: completion menus are narrow. */
  readonly description: string;
  /** What its value is; absent for a switch. */
  readonly value?: ValueKind & { placeholder: string };
  readonly repeatable: boolean;
  /** Long names of the flags it cannot be given with. */
  readonly excludes: readonly string[];
}

export interface CompletionNode {
  /** The words after `deploy`: '' for the program itself, 'plan', 'schemas refresh'. */
  readonly path: string;
  readonly subcommands: readonly { name: string; summary: string }[];
  readonly flags: readonly CompletionFlag[];
  readonly args: readonly (ValueKind & { name: string })[];
}

const HELP: CompletionFlag = { long: '--help', short: '-h', description: 'show help', repeatable: false, excludes: [] };
const VERSION: CompletionFlag = {
  long: '--version',
  description: 'print the version',
  repeatable: false,
  excludes: [],
};

/** The first clause: up to a parenthesis, a semicolon or ", e.g.". */
export function brief(text: string): string {
  return text.split(/ \(|; |, e\.g\./)[0] ?? text;
}

/** A FILE or DIR placeholder, or a name ending in -file or -dir, says what to complete. */
function kindOf(name: string, choices: readonly string[] | undefined): ValueKind {
  if (choices) return { kind: 'choice', choices };
  if (/(^|[-_])dir$/i.test(name)) return { kind: 'dir' };
  if (/(^|[-_])file$/i.test(name)) return { kind: 'file' };
  return { kind: 'text' };
}

/** `others`: the command's flags, for conflicts declared on the other side. */
function completionFlag(f: Flag, others: readonly Flag[]): CompletionFlag {
  const [first, second] = flagNames(f);
  return {
    long: second ?? (first as string),
    ...(second !== undefined ? { short: first as string } : {}),
    description: brief(f.description),
    ...(f.value !== undefined ? { value: { placeholder: f.value, ...kindOf(f.value, choicesOf(f.parse)) } } : {}),
    repeatable: Array.isArray(f.default),
    excludes: others
      .filter((o) => f.conflicts?.includes(o.name) || o.conflicts?.includes(f.name))
      .map((o) => `--${o.name}`),
  };
}

export function completionTree(commands: readonly Command[]): CompletionNode[] {
  const nodes = new Map<string, CompletionNode & { subcommands: { name: string; summary: string }[] }>();
  const groupNode = (path: string): { subcommands: { name: string; summary: string }[] } => {
    let node = nodes.get(path);
    if (!node) {
      node = { path, subcommands: [], flags: path === '' ? [HELP, VERSION] : [HELP], args: [] };
      nodes.set(path, node);
    }
    return node;
  };
  groupNode('');
  for (const spec of commands) {
    const words = spec.name.split(' ');
    words.forEach((word, i) => {
      const parent = groupNode(words.slice(0, i).join(' '));
      if (!parent.subcommands.some((s) => s.name === word))
        parent.subcommands.push({ name: word, summary: spec.summary });
    });
    nodes.set(spec.name, {
      path: spec.name,
      subcommands: [],
      flags: [...flagsOf(spec).map((f, _, all) => completionFlag(f, all)), HELP],
      args: spec.args.map((a) => ({ name: a.name, ...kindOf(a.name, a.choices) })),
    });
  }
  for (const node of nodes.values()) {
    if (node.subcommands.length === 0) continue;
    // A group is described by what it holds, as in `deploy --help`.
    const words = node.path.split(' ');
    const entry = nodes.get(words.slice(0, -1).join(' '))?.subcommands.find((s) => s.name === words.at(-1));
    if (node.path !== '' && entry) entry.summary = groupSummary(node.subcommands.map((s) => s.name));
    // `deploy help [command]` where there are subcommands, as commander provides.
    node.subcommands.push({ name: 'help', summary: 'show help for a command' });
  }
  return [...nodes.values()];
}
