/**
 * The frame shared by plan, apply and teardown: load the stack (every local check before any
 * cloud call), connect to the cloud, pick a reporter, handle Ctrl-C, and turn the result into
 * an exit code.
 */
import { DeployError, DeployErrors, maskError } from '../errors/index.js';
import type { EngineDeps, RunResult } from '../engine/index.js';
import { eventTime } from '../events/events.js';
import { loadStack, validateStack, type Stack } from '../stack/index.js';
import { chosenStateUrl, parseStateUrl, releaseS3Locks } from '../state/index.js';
import { schemaRegistry } from '../schema/index.js';
import { chooseReporter, confirm, createReporter, type Reporter } from '../ui/index.js';
import { connectCloud } from './cloud-setup.js';
import { EXIT, type CliIO } from './io.js';
import type { StackRunOptions } from './flags.js';
import { stackInput } from './stack-input.js';
import { connectState, lockDefaults } from './state-setup.js';

export interface StackCommandContext {
  stack: Stack;
  deps: EngineDeps;
  reporter: Reporter;
  signal: AbortSignal;
  /** Asks a yes/no question in the terminal; Ctrl-C while it waits answers no. */
  ask: (question: string) => Promise<boolean>;
}

export async function runStackCommand<R = RunResult>(
  command: 'plan' | 'apply' | 'teardown' | 'build' | 'test',
  options: StackRunOptions,
  io: CliIO,
  body: (ctx: StackCommandContext) => Promise<R>,
  exitCode: (result: R) => number,
): Promise<number> {
  const input = stackInput(options, io);
  const stack = loadStack(input);
  try {
    return await runLoaded(command, options, io, input.stackDir, stack, body, exitCode);
  } catch (error) {
    throw maskError(error, stack.secrets); // errors too may quote secret values
  }
}

async function runLoaded<R>(
  command: 'plan' | 'apply' | 'teardown' | 'build' | 'test',
  options: StackRunOptions,
  io: CliIO,
  stackDir: string,
  stack: Stack,
  body: (ctx: StackCommandContext) => Promise<R>,
  exitCode: (result: R) => number,
): Promise<number> {
  const registry = schemaRegistry();
  // Against AWS, the schemas `deploy schemas refresh` fetched win over the bundled snapshot;
  // the local cloud and other endpoints are built on the snapshot.
  if (!options.local && options.endpoint === undefined) {
    const { schemaCacheDir, useCachedSchemas } = await import('../cloud/schema-cache.js');
    useCachedSchemas(
      registry,
      schemaCacheDir(io.env),
      io.env['AWS_REGION'] ?? io.env['AWS_DEFAULT_REGION'] ?? 'us-east-1',
    );
  }
  // Every problem `deploy validate` would find stops plan and apply before any cloud call.
  // Teardown needs only the ledger and what renders, so a half-broken stack can still be removed.
  if (command !== 'teardown') {
    const { problems } = await validateStack(stack, registry);
    DeployErrors.throwIfAny(problems);
  }
  const kind = chooseReporter({ json: options.json, isTTY: io.stdout.isTTY === true, env: io.env });
  const stateUrl = chosenStateUrl(options.state, stack.manifest.state);
  if (stateUrl !== undefined) parseStateUrl(stateUrl); // a bad URL before any cloud call
  const lock = lockDefaults(options.lockTimeout, io.env);
  const connected = await connectCloud(options, io, stackDir);
  const state = await connectState(stateUrl, stack.dir, connected, lock);
  const reporter = createReporter(kind, {
    stdout: io.stdout,
    stderr: io.stderr,
    color: !options.noColor,
    showDiff: options.diff,
  });

  // First Ctrl-C: start nothing new, let operations in flight finish (the ledger stays true).
  // Second: leave at once.
  const controller = new AbortController();
  let question: AbortController | undefined;
  const ask = async (text: string): Promise<boolean> => {
    question = new AbortController();
    try {
      return await confirm(text, { input: io.stdin, output: io.stdout, signal: question.signal });
    } finally {
      question = undefined;
    }
  };
  let leaving = false;
  const onInterrupt = (): void => {
    if (question) return question.abort(); // Ctrl-C at the question: the answer is no
    if (leaving) process.exit(EXIT.interrupted);
    if (controller.signal.aborted) {
      // Second: leave now, but free a lock kept in S3 first (at most 2 s), so another runner
      // need not wait for its lease. What was in flight is resolved by the next run.
      leaving = true;
      void Promise.race([releaseS3Locks(), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]).finally(() =>
        process.exit(EXIT.interrupted),
      );
      return;
    }
    controller.abort();
    reporter.emit({ type: 'interrupt_requested', time: eventTime() });
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    const result = await body({
      stack,
      deps: {
        registry,
        cloud: connected.cloud,
        sink: reporter,
        state: state.backend,
        ...(showsQueries(options) ? { trace: showQuery(io, stack.secrets) } : {}),
      },
      reporter,
      signal: controller.signal,
      ask,
    });
    if (controller.signal.aborted) return EXIT.interrupted;
    return exitCode(result);
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
    await reporter.close();
    state.close();
    await connected.close();
  }
}

/** Apply and teardown act only when confirmed: asked in a terminal, `--yes` otherwise. */
export function requireConfirmation(
  options: { readonly yes: boolean; readonly json: boolean },
  io: CliIO,
  command: string,
): boolean {
  if (options.yes) return false;
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true || options.json) {
    throw new DeployError(
      'ConfirmationRequired',
      `${command} changes infrastructure and there is no terminal to confirm in`,
      {
        hint: `review the plan with \`deploy plan\`, then run \`deploy ${command} ... --yes\``,
      },
    );
  }
  return true;
}

/** --show-queries, or stackql-deploy's --log-level debug (or trace). */
function showsQueries(options: StackRunOptions): boolean {
  return options.showQueries || options.logLevel === 'debug' || options.logLevel === 'trace';
}

/** `--show-queries`: each query as it runs, where it comes from, on stderr (stdout stays the report), secrets masked. */
function showQuery(io: CliIO, secrets: Stack['secrets']): NonNullable<EngineDeps['trace']> {
  return (q) =>
    io.stderr.write(secrets.mask(`-- ${q.file}:${q.line}${q.resource ? ` (${q.resource})` : ''}\n${q.sql.trim()}\n`));
}
