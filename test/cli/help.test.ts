/**
 * Help is generated from the command declarations: every expectation here is read from the
 * declarations themselves, so a new command or flag is checked without touching this test.
 */
import { describe, expect, it } from 'vitest';
import { command, flag, flagNames, type Command } from '../../src/cli/command.js';
import { flagsOf, PACING } from '../../src/cli/flags.js';
import { COMMANDS } from '../../src/cli/main.js';
import { oneOf } from '../../src/cli/values.js';
import { cli } from './run-cli.js';

/** Help wraps long lines: compare text with runs of whitespace made one space. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

const usage = (c: Command): string => ['deploy', c.name, ...c.args.map((a) => `<${a.name}>`)].join(' ');

describe('deploy --help', () => {
  it('lists every command as the line to type, with its summary, and says how to get more', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    const groups = new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]));
    for (const c of COMMANDS.filter((c) => !c.name.includes(' '))) {
      expect(flat(stdout)).toContain(`${usage(c)} ${c.summary}`);
    }
    for (const group of groups) expect(stdout).toContain(`deploy ${group} `);
    expect(stdout).toContain('deploy <command> --help');
    expect(stdout).toMatch(/Exit codes: 0 .* 1 .* 2 .* 130/s);
  });

  it('is what `deploy` alone and `deploy help` print', async () => {
    const help = (await cli(['--help'])).stdout;
    expect(await cli([])).toEqual({ code: 0, stdout: help, stderr: '' });
    expect(await cli(['help'])).toEqual({ code: 0, stdout: help, stderr: '' });
  });
});

describe('deploy <command> --help', () => {
  it.each(COMMANDS.map((c) => [c.name, c]))(
    '%s: its description, arguments, every flag and an example',
    async (_, c) => {
      const { code, stdout } = await cli([...c.name.split(' '), '--help']);
      expect(code).toBe(0);
      const text = flat(stdout);
      expect(text).toContain(`Usage: deploy ${c.name} [options]${c.args.map((a) => ` <${a.name}>`).join('')}`);
      expect(text).toContain(flat(c.description ?? c.summary));
      for (const a of c.args) expect(text).toContain(`${a.name} ${flat(a.description)}`);
      for (const f of flagsOf(c)) {
        const term = `${flagNames(f).join(', ')}${f.value === undefined ? '' : ` <${f.value}>`}`;
        expect(text).toContain(`${term} ${flat(f.description)}`);
        if (typeof f.default === 'number') expect(text).toContain(`(default: ${f.default})`);
        if (f.group !== undefined) expect(text).toContain(f.group);
      }
      if (c.example) expect(text).toContain(`Example: ${c.example}`);
    },
  );

  it('is also `deploy help <command>`, and lists a group’s commands', async () => {
    const grouped = COMMANDS.find((c) => c.name.includes(' '));
    expect((await cli(['help', 'plan'])).stdout).toBe((await cli(['plan', '--help'])).stdout);
    if (!grouped) return;
    const [group = ''] = grouped.name.split(' ');
    const { stdout } = await cli([group, '--help']);
    expect(flat(stdout)).toContain(`${usage(grouped)} ${grouped.summary}`);
  });
});

describe('a command declared once', () => {
  const probe = command({
    name: 'probe',
    summary: 'a command only this test declares',
    args: [{ name: 'target', description: 'what to probe' }],
    flags: [
      flag({
        name: 'depth',
        short: 'd',
        value: 'LEVEL',
        description: 'how deep to look',
        parse: oneOf(['shallow', 'deep']),
        default: 'shallow',
      }),
      ...PACING,
    ],
    async run() {
      return 0;
    },
  });

  it('appears in the list of commands, with its own help and in completion', async () => {
    const commands = [...COMMANDS, probe];
    expect(flat((await cli(['--help'], { commands })).stdout)).toContain(
      'deploy probe <target> a command only this test declares',
    );
    const help = flat((await cli(['probe', '--help'], { commands })).stdout);
    expect(help).toContain('-d, --depth <LEVEL> how deep to look (default: "shallow")');
    expect(help).toContain('Pacing: --parallelism <N> operations at once (default: 10)');
    for (const shell of ['bash', 'zsh', 'fish']) {
      expect((await cli(['completion', shell], { commands })).stdout).toContain('depth');
    }
  });
});
