/**
 * `deploy completion bash|zsh|fish`: a script generated from the command declarations. Each
 * must name every command, flag and choice; the bash one is also run in bash, completing real
 * command lines as a user would press Tab.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagsOf } from '../../src/cli/flags.js';
import { COMMANDS } from '../../src/cli/main.js';
import { choicesOf } from '../../src/cli/values.js';
import { cli } from './run-cli.js';

/** How each shell's script spells a flag. */
const SPELLING = {
  bash: (long: string, short?: string) => [`--${long}`, ...(short ? [`-${short}`] : [])],
  zsh: (long: string, short?: string) => [`--${long}`, ...(short ? [`-${short}`] : [])],
  fish: (long: string, short?: string) => [`-l ${long}`, ...(short ? [`-s ${short}`] : [])],
};

describe('deploy completion', () => {
  it.each(Object.entries(SPELLING))('%s: names every command, flag and choice', async (shell, spell) => {
    const { code, stdout, stderr } = await cli(['completion', shell]);
    expect(code, stderr).toBe(0);
    for (const c of COMMANDS) {
      for (const word of c.name.split(' ')) expect(stdout).toContain(word);
      for (const f of flagsOf(c)) {
        for (const name of spell(f.name, f.short)) expect(stdout, `${c.name} ${name}`).toContain(name);
        for (const choice of choicesOf(f.parse) ?? []) expect(stdout).toContain(choice);
      }
      for (const choice of c.args.flatMap((a) => a.choices ?? [])) expect(stdout).toContain(choice);
    }
    for (const name of spell('help', 'h')) expect(stdout).toContain(name);
  });

  it('refuses a shell it has no script for, naming those it has', async () => {
    const { code, stderr } = await cli(['completion', 'tcsh']);
    expect(code).toBe(1);
    expect(stderr).toContain("error [InvalidArgument]: <shell> must be bash, zsh or fish, got 'tcsh'");
    expect(stderr).toContain('hint: for example: deploy completion bash');
  });
});

const hasBash = spawnSync('bash', ['--version']).status === 0;

describe.runIf(hasBash)('the bash script, in bash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-completion-'));
  const script = join(dir, 'deploy.bash');
  writeFileSync(script, (await cli(['completion', 'bash'])).stdout);

  /** What bash offers for the command line `words`, the last one being completed. */
  function complete(...words: string[]): string[] {
    const driver = [
      `source ${JSON.stringify(script)}`,
      'compopt() { :; }', // only works inside a real completion; the offers are the same without it
      `COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_deploy',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const out = spawnSync('bash', ['--norc', '-c', driver], { cwd: dir, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    return out.stdout.split('\n').filter(Boolean);
  }

  it('completes command names, then a group’s commands', () => {
    expect(complete('deploy', 'pl')).toEqual(['plan']);
    expect(complete('deploy', '')).toEqual(expect.arrayContaining(['apply', 'plan', 'schemas', 'help', '--version']));
    expect(complete('deploy', 'schemas', '')).toEqual(expect.arrayContaining(['refresh']));
  });

  it('offers only the flags the command takes', () => {
    expect(complete('deploy', 'plan', 'stack', 'dev', '--par')).toEqual(['--parallelism']);
    const validate = complete('deploy', 'validate', 'stack', 'dev', '--');
    expect(validate).toEqual(expect.arrayContaining(['--var', '--env-file', '--help']));
    expect(validate).not.toContain('--parallelism');
    expect(complete('deploy', 'schemas', 'refresh', '--re')).toEqual(['--region']);
  });

  it('completes a flag’s value: its choices, or directories for a DIR', () => {
    expect(complete('deploy', 'apply', 'stack', 'dev', '--on-failure', '')).toEqual(['stop', 'continue', 'rollback']);
    expect(complete('deploy', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('deploy', 'plan', 'stack', 'dev', '--endpoint', '')).toEqual([]);
    spawnSync('mkdir', ['-p', join(dir, 'stacks/websocket')]);
    expect(complete('deploy', 'plan', '--local-data', 'sta')).toEqual(['stacks']);
    // As bash splits them at '=': -e A=1 and --on-failure=…
    expect(complete('deploy', 'plan', '-e', 'A', '=', '1', 'stacks/w')).toEqual(['stacks/websocket']);
    expect(complete('deploy', 'plan', '--out', '=', 'p.json', 'stacks/w')).toEqual(['stacks/websocket']);
    expect(complete('deploy', 'apply', 's', 'dev', '--on-failure', '=')).toEqual(['stop', 'continue', 'rollback']);
    expect(complete('deploy', 'apply', 's', 'dev', '--on-failure', '=', 'r')).toEqual(['rollback']);
  });
});
