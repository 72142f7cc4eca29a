/**
 * Parsing from the declarations: flags meant for another command are refused, bad values are
 * refused with a hint before anything runs, and a command's `run` receives typed values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { command, flag, type Command } from '../../src/cli/command.js';
import { flagsOf, ON_FAILURE, STACK_RUN, YES } from '../../src/cli/flags.js';
import { COMMANDS } from '../../src/cli/main.js';
import { cli } from './run-cli.js';

/** Placeholder arguments that satisfy a command's positional arguments. */
const argsOf = (c: Command): string[] => c.args.map((a) => a.choices?.[0] ?? 'x');

describe('a flag on a command that has no use for it', () => {
  const every = new Map(COMMANDS.flatMap(flagsOf).map((f) => [f.name, f]));
  const cases = COMMANDS.flatMap((c) =>
    [...every.values()]
      .filter((f) => !flagsOf(c).some((own) => own.name === f.name))
      .map((f) => [`${c.name} --${f.name}`, c, f] as const),
  );

  it.each(cases)('%s is refused, naming the flags the command takes', async (_, c, f) => {
    const given = f.value === undefined ? [`--${f.name}`] : [`--${f.name}`, 'x'];
    const { code, stderr } = await cli([...c.name.split(' '), ...argsOf(c), ...given]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `error [InvalidOption]: --${f.name} does not apply to deploy ${c.name}\n  hint: deploy ${c.name} takes`,
    );
  });

  it('is refused in its short form too, and every stray flag is named at once', async () => {
    const { stderr } = await cli(['validate', 'x', 'dev', '-y', '--json']);
    expect(stderr).toContain('--yes, --json do not apply to deploy validate');
    expect(stderr).toMatch(/hint: deploy validate takes (--[a-z-]+, )*--var, --env-file, --secret\n/);
  });
});

describe('bad values are refused before anything runs, with a hint', () => {
  it.each([
    [['plan', 'x', 'dev', '--parallelism', '0x10'], "--parallelism must be a whole number, got '0x10'"],
    [['plan', 'x', 'dev', '--parallelism', '1e3'], "--parallelism must be a whole number, got '1e3'"],
    [['plan', 'x', 'dev', '--parallelism=-1'], "--parallelism must be a whole number, got '-1'"],
    [['plan', 'x', 'dev', '--parallelism', '0'], '--parallelism must be between 1 and 1000, got 0'],
    [['plan', 'x', 'dev', '--parallelism', '1001'], '--parallelism must be between 1 and 1000, got 1001'],
    [['apply', 'x', 'dev', '--on-failure', 'maybe'], "--on-failure must be stop, continue or rollback, got 'maybe'"],
    [['teardown', 'x', 'dev', '--rate-limit', 'fast'], "--rate-limit must be a whole number, got 'fast'"],
    [['local-cloud', '--port', '70000'], '--port must be between 0 and 65535, got 70000'],
    [
      ['plan', 'x', 'dev', '--endpoint', 'localhost:4566'],
      "--endpoint must be an http:// or https:// URL, got 'localhost:4566'",
    ],
    [
      ['plan', 'x', 'dev', '--endpoint', 'ftp://127.0.0.1/'],
      "--endpoint must be an http:// or https:// URL, got 'ftp://127.0.0.1/'",
    ],
    [
      ['plan', 'x', 'dev', '--endpoint', 'http://127.0.0.1:4566/?debug=1'],
      "--endpoint must not carry a query or a fragment, got 'http://127.0.0.1:4566/?debug=1'",
    ],
  ])('deploy %j', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(1);
    expect(stderr).toContain(`error [InvalidOption]: ${message}\n  hint: `);
  });

  it('an endpoint with credentials in it is refused without repeating them', async () => {
    const { code, stderr } = await cli(['apply', 'x', 'dev', '--endpoint', 'https://me:s3cret@cloud.example']);
    expect(code).toBe(1);
    expect(stderr).toContain('error [InvalidOption]: --endpoint must not carry credentials');
    expect(stderr).not.toContain('s3cret');
  });

  it('--endpoint takes http(s) URLs of hosts, with a port or a path', async () => {
    for (const value of ['https://cloudcontrolapi.us-east-1.amazonaws.com', 'http://[::1]:4566/prefix']) {
      const run = await cli(['plan', 'no-such-stack', 'dev', '--endpoint', value]);
      expect(run.stderr).not.toContain('InvalidOption');
      expect(run.stderr).toContain('no-such-stack');
    }
  });

  it('--local and --endpoint together name two clouds', async () => {
    const { code, stderr } = await cli(['plan', 'x', 'dev', '--endpoint', 'http://127.0.0.1:1', '--local']);
    expect(code).toBe(1);
    expect(stderr).toContain('error [InvalidOption]: --local and --endpoint cannot be given together');
    expect(stderr).toContain('hint: give one of them. --local: use the built-in local Cloud Control');
  });
});

describe('usage errors say what exists', () => {
  it.each([
    [['aply', 'x', 'dev'], 'UnknownCommand', "unknown command 'aply'", "did you mean 'apply'? commands are apply, "],
    [['schemas', 'refrsh'], 'UnknownCommand', "unknown command 'refrsh' for deploy schemas", "did you mean 'refresh'?"],
    [
      ['plan', 'x', 'dev', '--paralelism', '3'],
      'InvalidOption',
      "unknown option '--paralelism' for deploy plan",
      'did you mean --parallelism? see `deploy plan --help`',
    ],
    [
      ['--local', 'plan', 'x', 'dev'],
      'InvalidOption',
      "unknown option '--local' for deploy",
      "a command's flags go after it",
    ],
    [
      ['plan', 'x'],
      'MissingArgument',
      'deploy plan needs <stack-dir> <env>',
      'for example: deploy plan examples/websocket-api dev',
    ],
    [
      ['unlock', 'x', 'dev', 'extra'],
      'InvalidArgument',
      "unexpected argument 'extra'",
      'deploy unlock takes <stack-dir> <env>',
    ],
    [
      ['plan', 'x', 'dev', '--out'],
      'InvalidOption',
      "option '--out <FILE>' argument missing",
      'see `deploy plan --help`',
    ],
  ])('deploy %j', async (args, code, message, hint) => {
    const run = await cli(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`error [${code}]: ${message}\n  hint: ${hint}`);
  });
});

describe('--version', () => {
  it("is package.json's", async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('what run receives', () => {
  const seen: Record<string, unknown>[] = [];
  const probe = command({
    name: 'probe',
    summary: 'records its options',
    args: [{ name: 'stack-dir', description: 'a directory' }],
    flags: [
      flag({ name: 'max-depth', value: 'N', description: 'a number', parse: Number, default: 3 }),
      YES,
      ON_FAILURE,
      ...STACK_RUN,
    ],
    async run(options) {
      seen.push({ ...options });
      return 7;
    },
  });
  const commands = [probe];

  it('defaults for what is not given, the exit code run returns', async () => {
    seen.length = 0;
    expect((await cli(['probe', 'dir'], { commands })).code).toBe(7);
    expect(seen[0]).toEqual({
      stackDir: 'dir',
      maxDepth: 3,
      yes: false,
      onFailure: 'stop',
      local: false,
      localData: undefined,
      endpoint: undefined,
      lockTimeout: 0,
      var: [],
      secret: [],
      envFile: undefined,
      json: false,
      noColor: false,
      diff: false,
      showQueries: false,
      logLevel: undefined,
      parallelism: 10,
      rateLimit: undefined,
    });
  });

  it('typed values, in every spelling a user may write them', async () => {
    seen.length = 0;
    const args = ['probe', '-y', 'dir', '--max-depth=5', '-e', 'A=1', '--var', 'B=2', '--on-failure', 'rollback'];
    await cli([...args, '--parallelism', '4', '--local', '--local-data', 'd', '--no-color', '--json'], { commands });
    expect(seen[0]).toMatchObject({
      stackDir: 'dir',
      maxDepth: 5,
      yes: true,
      var: ['A=1', 'B=2'],
      onFailure: 'rollback',
      parallelism: 4,
      local: true,
      localData: 'd',
      noColor: true,
      json: true,
    });
  });

  it('values from the environment when the flag is not given', async () => {
    seen.length = 0;
    const env = { NO_COLOR: '1', AWS_ENDPOINT_URL_CLOUDCONTROL: 'http://127.0.0.1:4566' };
    await cli(['probe', 'dir'], { commands, env });
    await cli(['probe', 'dir', '--endpoint', 'http://other:1'], { commands, env });
    expect(seen.map((o) => [o['noColor'], o['endpoint']])).toEqual([
      [true, 'http://127.0.0.1:4566'],
      [true, 'http://other:1'],
    ]);
  });
});
