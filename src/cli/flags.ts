/**
 * Arguments and flags several commands take, declared once. A command lists the groups it
 * takes (`flags: [...WHERE, ...VARS]`); a flag only one command takes lives in that command's file.
 */
import type { FailureMode } from '../engine/index.js';
import { flag, group, type Command, type Flag, type Options } from './command.js';
import { endpointUrl, oneOf, repeatable, wholeNumber } from './values.js';

export const STACK_ARGS = [
  { name: 'stack-dir', description: 'the stack directory (stackql_manifest.yml and resources/)' },
  { name: 'env', description: "the environment, as in the manifest's values (e.g. dev)" },
] as const;

/** Where the ledger and the lock live (README "State in S3"). */
export const STATE = flag({
  name: 'state',
  value: 'URL',
  description:
    "where state lives: s3://BUCKET/PREFIX, or file for <stack-dir>/.deploy/ (or DEPLOY_STATE; default: the manifest's state:, else file)",
  default: undefined as string | undefined,
  fromEnv: (env) => env['DEPLOY_STATE'],
});

/** Seconds to wait for another run's lock: up to a day. */
const LOCK_TIMEOUT = wholeNumber(0, 86_400);

export const WHERE = group('Where to deploy:', [
  flag({
    name: 'local',
    description: 'use the built-in local Cloud Control (no AWS account needed)',
    default: false,
    conflicts: ['endpoint'],
  }),
  flag({
    name: 'local-data',
    value: 'DIR',
    description: "the local cloud's data (default: <stack-dir>/.deploy/local-cloud)",
    default: undefined as string | undefined,
  }),
  flag({
    name: 'endpoint',
    value: 'URL',
    description: 'another Cloud Control endpoint (or AWS_ENDPOINT_URL_CLOUDCONTROL)',
    parse: endpointUrl,
    default: undefined as string | undefined,
    // Checked where it is used (cloud-setup.ts): --local ignores it.
    fromEnv: (env) => env['AWS_ENDPOINT_URL_CLOUDCONTROL'] || undefined,
  }),
  STATE,
  flag({
    name: 'lock-timeout',
    value: 'SECONDS',
    description: "wait up to SECONDS for another run's lock on the state, 0 refusing at once (or DEPLOY_LOCK_TIMEOUT)",
    parse: LOCK_TIMEOUT,
    default: 0,
    fromEnv: (env) => {
      const text = env['DEPLOY_LOCK_TIMEOUT'];
      return text === undefined || text === '' ? undefined : LOCK_TIMEOUT(text, 'DEPLOY_LOCK_TIMEOUT');
    },
  }),
]);

export const VARS = group('Template variables:', [
  flag({
    name: 'var',
    short: 'e',
    value: 'KEY=VALUE',
    description: 'a template variable (repeatable; overrides --env-file)',
    parse: repeatable,
    default: [] as readonly string[],
  }),
  flag({
    name: 'env-file',
    value: 'FILE',
    description: 'KEY=VALUE lines as template variables',
    default: undefined as string | undefined,
  }),
  flag({
    name: 'secret',
    value: 'NAME',
    description: 'mask the value of variable NAME in every output (repeatable)',
    parse: repeatable,
    default: [] as readonly string[],
  }),
]);

/** Colours can be turned off for any command. */
export const NO_COLOR = flag({
  name: 'no-color',
  description: 'no colours (also NO_COLOR=1)',
  default: false,
  fromEnv: (env) => (env['NO_COLOR'] !== undefined ? true : undefined),
});

export const OUTPUT = group('Output:', [
  flag({
    name: 'json',
    description: 'one JSON event per line on stdout (schema: src/events/EVENTS.md)',
    default: false,
  }),
  NO_COLOR,
  flag({ name: 'diff', description: 'show property-level changes in the plan', default: false }),
  flag({ name: 'show-queries', description: 'print each query on stderr as it runs', default: false }),
  flag({
    name: 'log-level',
    value: 'LEVEL',
    description: "stackql-deploy's log level: debug (or trace) also shows the queries",
    parse: oneOf(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'critical']),
    default: undefined as string | undefined,
  }),
]);

export const RATE_LIMIT = flag({
  name: 'rate-limit',
  value: 'N',
  description: 'Cloud Control requests per second (default: 20 on AWS, unlimited locally)',
  parse: wholeNumber(0),
  default: undefined as number | undefined,
});

export const PACING = group('Pacing:', [
  flag({
    name: 'parallelism',
    value: 'N',
    description: 'operations at once',
    parse: wholeNumber(1, 1000),
    default: 10,
  }),
  RATE_LIMIT,
]);

/** apply and teardown change infrastructure: they ask first, or take --yes. */
export const YES = flag({
  name: 'yes',
  short: 'y',
  description: 'do not ask for confirmation (required without a terminal)',
  default: false,
});

const failureMode = oneOf(['stop', 'continue', 'rollback']);
/** stackql-deploy's words for --on-failure, taken too (not offered by completion). */
const STACKQL_DEPLOY_MODES: Record<string, FailureMode> = { error: 'stop', ignore: 'continue' };

export const ON_FAILURE = flag<'on-failure', FailureMode>({
  name: 'on-failure',
  value: 'MODE',
  description:
    'when an operation fails: stop starting new ones, continue the independent ones, or roll back ' +
    "(stackql-deploy's error and ignore mean stop and continue)",
  parse: Object.assign(
    (text: string, name: string): FailureMode => STACKQL_DEPLOY_MODES[text] ?? failureMode(text, name),
    { choices: failureMode.choices },
  ),
  default: 'stop',
});

/** build and test (stackql-deploy's): the stack outputs for the next step of a pipeline. */
export const OUTPUT_FILE = flag({
  name: 'output-file',
  value: 'FILE',
  description: 'write the stack outputs (top-level exports), stack_name, stack_env and elapsed_time as JSON',
  default: undefined as string | undefined,
});

/** What plan, apply and teardown take: where the stack goes, its variables, output and pace. */
export const STACK_RUN = [...WHERE, ...VARS, ...OUTPUT, ...PACING];

export type StackRunOptions = Options<(typeof STACK_RUN)[number], (typeof STACK_ARGS)[number]>;

/** What loading a stack needs: its directory, environment and variables. */
export type StackReadOptions = Options<(typeof VARS)[number], (typeof STACK_ARGS)[number]>;

/** Flags every command takes, besides --help. */
export const EVERY_COMMAND = [NO_COLOR];

/** The flags a command accepts: its own and the shared groups it lists, then those every command takes. */
export function flagsOf(spec: Command): readonly Flag[] {
  return [...spec.flags, ...EVERY_COMMAND.filter((e) => !spec.flags.some((f) => f.name === e.name))];
}
