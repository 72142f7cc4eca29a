/**
 * Which Cloud Control the commands talk to: `--local` (the built-in local cloud, started
 * in-process unless one already serves that data directory), `--endpoint URL`, or AWS with
 * the standard credential chain.
 */
import { join, resolve } from 'node:path';
import { SdkCloudControl } from '../cloud/index.js';
import type { CliIO } from './io.js';
import type { CliOptions } from './options.js';

/** A safe pace for AWS: Cloud Control throttles around 25 requests/second. */
export const AWS_RATE_LIMIT = 20;

export interface ConnectedCloud {
  cloud: SdkCloudControl;
  /** Stops what was started (the in-process local cloud) and frees sockets. */
  close(): Promise<void>;
}

export function localDataDir(options: CliOptions, io: CliIO, stackDir: string): string {
  return options.localData !== undefined
    ? resolve(io.cwd, options.localData)
    : join(resolve(io.cwd, stackDir), '.deploy', 'local-cloud');
}

export async function connectCloud(options: CliOptions, io: CliIO, stackDir: string): Promise<ConnectedCloud> {
  if (options.local) {
    const emulator = await import('../emulator/index.js');
    const dataDir = localDataDir(options, io, stackDir);
    const running = emulator.runningLocalCloud(dataDir);
    const server = running
      ? undefined
      : await emulator.startLocalCloud({ dataDir, ...emulator.localCloudOptionsFromEnv(io.env) });
    const cloud = new SdkCloudControl({
      endpoint: running?.url ?? (server?.url as string),
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      rateLimit: options.rateLimit ?? 0,
      // The local cloud answers in milliseconds: poll accordingly.
      poll: { initialMs: 5, maxMs: 250 },
    });
    return {
      cloud,
      close: async () => {
        cloud.destroy();
        await server?.close();
      },
    };
  }
  const cloud = new SdkCloudControl({
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    rateLimit: options.rateLimit ?? AWS_RATE_LIMIT,
  });
  return {
    cloud,
    close: async () => cloud.destroy(),
  };
}
