/**
 * startLocalCloud: wires the pieces together and serves them on loopback.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DeployError } from '../errors/index.js';
import { schemaRegistry } from '../schema/index.js';
import type { CloudContext } from './context.js';
import { SchemaCache } from './schema-cache.js';
import { FaultInjector } from './faults.js';
import { wireHandler } from './http-wire.js';
import { Integrity } from './integrity.js';
import { Journal } from './journal.js';
import { acquireLock, busyError, runningLocalCloud, type Lock } from './lock.js';
import { RateLimiter } from './rate-limiter.js';
import { ObjectStore } from './s3/object-store.js';
import { isS3Request, s3Handler } from './s3/s3-wire.js';
import { RequestRunner } from './request-runner.js';
import { CloudControlService } from './service.js';
import { CloudState } from './state.js';
import type { LocalCloud, LocalCloudOptions } from './types.js';

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    // Checked before listening too, so a fixed port taken by that very server reports the
    // useful "busy" error rather than EADDRINUSE.
    const owner = runningLocalCloud(dataDir);
    if (owner) throw busyError(dataDir, owner);
  }
  const schemas = new SchemaCache(options.registry ?? schemaRegistry());
  const state = new CloudState();
  const runner = new RequestRunner(state, options.latencyMs);
  const ctx: CloudContext = {
    schemas,
    state,
    runner,
    faults: new FaultInjector(options.faults ?? []),
    integrity: new Integrity(schemas, state),
  };
  const limiter = options.rateLimit === undefined ? undefined : new RateLimiter(options.rateLimit);
  const cloudControl = wireHandler(new CloudControlService(ctx, limiter), options.readLatencyMs);
  // The S3 subset shares the port: state kept in S3 (`--state s3://…`) works against `--local`.
  const objects = new ObjectStore(dataDir === undefined ? undefined : join(dataDir, 's3'));
  for (const bucket of options.buckets ?? []) objects.createBucket(bucket);
  const s3 = s3Handler(objects, options.s3LatencyMs);
  const server = createServer((request, response) => (isS3Request(request) ? s3 : cloudControl)(request, response));
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  // Synchronous from here until the state is loaded: no request can be served before it.
  let lock: Lock | undefined;
  let journal: Journal | undefined;
  if (dataDir !== undefined) {
    try {
      lock = acquireLock(dataDir, url);
      journal = openStore(dataDir, state);
    } catch (error) {
      lock?.release();
      await stopServer(server);
      throw error;
    }
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () =>
      (closing ??= (async () => {
        runner.stop();
        await stopServer(server);
        try {
          journal?.compact(state.snapshot());
        } finally {
          journal?.close();
          lock?.release();
        }
      })()),
  };
}

function openStore(dataDir: string, state: CloudState): Journal {
  let opened: ReturnType<typeof Journal.open>;
  try {
    opened = Journal.open(dataDir);
  } catch (error) {
    throw new DeployError(
      'LocalCloudCorrupt',
      `cannot read the local cloud store in '${dataDir}': ${(error as Error).message}`,
      {
        hint: 'move the data dir aside (its state.json is damaged) and start again',
        cause: error,
      },
    );
  }
  state.restore(opened.journal, opened.snapshot, opened.entries);
  return opened.journal;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new DeployError('PortInUse', `cannot serve the local cloud on ${host}:${port}: the port is in use`, {
              hint: 'choose another port, or 0 for any free one',
              cause: error,
            })
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolveListen();
    });
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    // Keep-alive connections would hold close() open until they time out.
    server.closeAllConnections();
  });
}
