/**
 * Which Cloud Control the commands talk to: `--local` (the built-in local cloud, started
 * in-process unless one already serves that data directory), `--endpoint URL`, or AWS with
 * the standard credential chain.
 */
import { join, resolve } from 'node:path';
import { isLoopbackUrl as isLoopback, SdkCloudControl } from '../cloud/index.js';
import type { CliIO } from './io.js';
import type { StackRunOptions } from './flags.js';
import { endpointUrl } from './values.js';

/** A safe pace for AWS: Cloud Control throttles around 25 requests/second. */
export const AWS_RATE_LIMIT = 20;

/** Emulators on this machine check no signature: any credentials will do. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Whether the user configured AWS credentials the standard chain would find first. */
function hasCredentials(env: NodeJS.ProcessEnv): boolean {
  return ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE'].some((k) => env[k] !== undefined);
}

export interface ConnectedCloud {
  cloud: SdkCloudControl;
  /** Stops what was started (the in-process local cloud) and frees sockets. */
  close(): Promise<void>;
  /** Where S3 is for state kept there: AWS_ENDPOINT_URL_S3, else the local cloud or --endpoint (same port). */
  s3: {
    endpoint?: string;
    credentials?: typeof LOCAL_CREDENTIALS;
    /** The built-in local cloud (--local): a state bucket missing there is created, as nobody else could. */
    local?: true;
  };
}

function s3Of(env: NodeJS.ProcessEnv, cloudEndpoint: string | undefined): ConnectedCloud['s3'] {
  const own = env['AWS_ENDPOINT_URL_S3'];
  const endpoint = own === undefined || own === '' ? cloudEndpoint : own;
  if (endpoint === undefined) return {};
  return isLoopback(endpoint) && !hasCredentials(env) ? { endpoint, credentials: LOCAL_CREDENTIALS } : { endpoint };
}

/** What picks the cloud: --local, --local-data, --endpoint (and the pace). */
export type CloudChoice = Pick<StackRunOptions, 'local' | 'localData' | 'endpoint'> & {
  readonly rateLimit?: number | undefined;
  /** Requests out at once: the run's --parallelism (state commands make one at a time anyway). */
  readonly parallelism?: number | undefined;
};

export function localDataDir(options: CloudChoice, io: CliIO, stackDir: string): string {
  return options.localData !== undefined
    ? resolve(io.cwd, options.localData)
    : join(resolve(io.cwd, stackDir), '.deploy', 'local-cloud');
}

export async function connectCloud(options: CloudChoice, io: CliIO, stackDir: string): Promise<ConnectedCloud> {
  if (options.local) {
    const emulator = await import('../emulator/index.js');
    const dataDir = localDataDir(options, io, stackDir);
    // Registered before looking, so a run that started the cloud in-process sees this one
    // before it could stop serving; dropped again when this run starts a cloud of its own.
    let unregister: (() => void) | undefined = emulator.registerClient(dataDir);
    const running = emulator.runningLocalCloud(dataDir);
    if (!running) {
      unregister();
      unregister = undefined;
    }
    const server = running
      ? undefined
      : await emulator.startLocalCloud({ dataDir, ...emulator.localCloudOptionsFromEnv(io.env) });
    const cloud = new SdkCloudControl({
      endpoint: running?.url ?? server?.url,
      credentials: LOCAL_CREDENTIALS,
      rateLimit: options.rateLimit ?? 0,
      inFlight: options.parallelism,
      // The local cloud answers in milliseconds: poll accordingly.
      poll: { initialMs: 5, maxMs: 250 },
    });
    return {
      cloud,
      close: async () => {
        cloud.destroy();
        unregister?.();
        if (!server) return;
        // Other runs may be using the cloud this run started: serve them until they are done.
        await emulator.clientsGone(dataDir, (pids) =>
          io.stderr.write(
            `Keeping the local cloud up for the deploy run${pids.length > 1 ? 's' : ''} using it (pid ${pids.join(', ')})…\n`,
          ),
        );
        await server.close();
      },
      s3: { ...s3Of(io.env, running?.url ?? server?.url), local: true },
    };
  }
  // --endpoint was checked when read: a bad value here came from AWS_ENDPOINT_URL_CLOUDCONTROL.
  if (options.endpoint !== undefined) endpointUrl(options.endpoint, 'AWS_ENDPOINT_URL_CLOUDCONTROL');
  const cloud = new SdkCloudControl({
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    ...(options.endpoint !== undefined && isLoopback(options.endpoint) && !hasCredentials(io.env)
      ? { credentials: LOCAL_CREDENTIALS }
      : {}),
    rateLimit: options.rateLimit ?? AWS_RATE_LIMIT,
    inFlight: options.parallelism,
  });
  return {
    cloud,
    close: async () => cloud.destroy(),
    s3: s3Of(io.env, options.endpoint),
  };
}
