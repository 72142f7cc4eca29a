/**
 * Argument parsing for every command, with node's parseArgs (no dependency, fast start).
 * Unknown flags are errors that say which flags exist.
 */
import { parseArgs } from 'node:util';
import { DeployError } from '../errors/index.js';

const SPEC = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  local: { type: 'boolean' },
  'local-data': { type: 'string' },
  endpoint: { type: 'string' },
  var: { type: 'string', short: 'e', multiple: true },
  'env-file': { type: 'string' },
  secret: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  diff: { type: 'boolean' },
  parallelism: { type: 'string' },
  'rate-limit': { type: 'string' },
  'on-failure': { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  plan: { type: 'string' },
  out: { type: 'string' },
  'detailed-exitcode': { type: 'boolean' },
  resource: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  latency: { type: 'string' },
  fault: { type: 'string', multiple: true },
} as const;

const STACK_RUN = [
  'local',
  'local-data',
  'endpoint',
  'var',
  'env-file',
  'secret',
  'json',
  'diff',
  'parallelism',
  'rate-limit',
];

/** The flags each command takes (besides --help, --version and --no-color), so none is silently ignored. */
const FLAGS: Record<string, string[]> = {
  validate: ['var', 'env-file', 'secret'],
  render: ['var', 'env-file', 'secret', 'resource'],
  plan: [...STACK_RUN, 'out', 'detailed-exitcode'],
  apply: [...STACK_RUN, 'plan', 'yes', 'on-failure'],
  teardown: [...STACK_RUN, 'yes', 'on-failure'],
  unlock: [],
  'local-cloud': ['port', 'host', 'data', 'latency', 'rate-limit', 'fault'],
};

/** A flag given to a command that has no use for it is an error, not a silent no-op. */
function checkFlags(command: string | undefined, given: string[]): void {
  const allowed = command === undefined ? undefined : FLAGS[command];
  if (!allowed) return; // no command or an unknown one: reported elsewhere
  const stray = given.filter((flag) => !['help', 'version', 'no-color'].includes(flag) && !allowed.includes(flag));
  if (stray.length > 0) {
    throw new DeployError(
      'InvalidOption',
      `${stray.map((f) => `--${f}`).join(', ')} does not apply to deploy ${command}`,
      {
        hint: allowed.length
          ? `deploy ${command} takes ${allowed.map((f) => `--${f}`).join(', ')}`
          : `deploy ${command} takes no options`,
      },
    );
  }
}

export interface CliOptions {
  command: string | undefined;
  positionals: string[];
  help: boolean;
  version: boolean;
  local: boolean;
  localData?: string;
  endpoint?: string;
  vars: string[];
  envFile?: string;
  /** `--secret NAME`: variables whose values every output masks. */
  secrets: string[];
  json: boolean;
  color: boolean;
  diff: boolean;
  parallelism: number;
  rateLimit?: number;
  onFailure: 'stop' | 'continue' | 'rollback';
  yes: boolean;
  plan?: string;
  out?: string;
  detailedExitcode: boolean;
  resource?: string;
  port?: number;
  host?: string;
  data?: string;
  latency?: string;
  faults: string[];
}

function positiveInt(name: string, text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined) return fallback;
  // Digits only: Number() would also take '0x10', '1e3' and ' 5'.
  const n = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw new DeployError('InvalidOption', `--${name} must be a whole number, got '${text}'`, {
      hint: `for example --${name} 10`,
    });
  }
  return n;
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    throw new DeployError('InvalidOption', (error as Error).message, { hint: 'run `deploy --help` for the options' });
  }
  const v = parsed.values;
  const [command, ...positionals] = parsed.positionals;
  checkFlags(command, Object.keys(v));
  if (v.local && v.endpoint !== undefined) {
    throw new DeployError('InvalidOption', '--local and --endpoint name two different clouds', {
      hint: 'use --local for the built-in local cloud, or --endpoint URL for another one',
    });
  }
  const onFailure = v['on-failure'] ?? 'stop';
  if (onFailure !== 'stop' && onFailure !== 'continue' && onFailure !== 'rollback') {
    throw new DeployError('InvalidOption', `--on-failure must be stop, continue or rollback, got '${onFailure}'`);
  }
  const parallelism = positiveInt('parallelism', v.parallelism, 10) as number;
  if (parallelism < 1 || parallelism > 1000) {
    throw new DeployError('InvalidOption', `--parallelism must be from 1 to 1000, got ${parallelism}`, {
      hint: 'for example --parallelism 10 (the default)',
    });
  }
  const options: CliOptions = {
    command,
    positionals,
    help: v.help ?? false,
    version: v.version ?? false,
    local: v.local ?? false,
    vars: v.var ?? [],
    secrets: v.secret ?? [],
    json: v.json ?? false,
    color: !(v['no-color'] ?? false) && env['NO_COLOR'] === undefined,
    diff: v.diff ?? false,
    parallelism,
    onFailure,
    yes: v.yes ?? false,
    detailedExitcode: v['detailed-exitcode'] ?? false,
    faults: v.fault ?? [],
  };
  const endpoint = v.endpoint ?? env['AWS_ENDPOINT_URL_CLOUDCONTROL'];
  if (endpoint !== undefined) options.endpoint = endpoint;
  if (v['local-data'] !== undefined) options.localData = v['local-data'];
  if (v['env-file'] !== undefined) options.envFile = v['env-file'];
  const rateLimit = positiveInt('rate-limit', v['rate-limit']);
  if (rateLimit !== undefined) options.rateLimit = rateLimit;
  if (v.plan !== undefined) options.plan = v.plan;
  if (v.out !== undefined) options.out = v.out;
  if (v.resource !== undefined) options.resource = v.resource;
  const port = positiveInt('port', v.port);
  if (port !== undefined) options.port = port;
  if (v.host !== undefined) options.host = v.host;
  if (v.data !== undefined) options.data = v.data;
  if (v.latency !== undefined) options.latency = v.latency;
  return options;
}

/** The `<stack-dir> <env>` pair every stack command takes. */
export function stackArgs(options: CliOptions): { stackDir: string; env: string } {
  const [stackDir, env, ...extra] = options.positionals;
  if (stackDir === undefined || env === undefined) {
    throw new DeployError('MissingArgument', `deploy ${options.command} needs <stack-dir> <env>`, {
      hint: `for example: deploy ${options.command} examples/websocket-api dev`,
    });
  }
  if (extra.length > 0) {
    throw new DeployError('InvalidOption', `unexpected argument '${extra[0]}'`, {
      hint: 'run `deploy --help` for the usage',
    });
  }
  return { stackDir, env };
}
