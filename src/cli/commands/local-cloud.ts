import { resolve } from 'node:path';
import { localCloudOptionsFromEnv, parseFaults, parseLatency, startLocalCloud } from '../../emulator/index.js';
import { EXIT, type CliIO } from '../io.js';
import type { CliOptions } from '../options.js';

/** `deploy local-cloud`: serves the local Cloud Control API until Ctrl-C. */
export default async function localCloud(options: CliOptions, io: CliIO): Promise<number> {
  const dataDir = resolve(io.cwd, options.data ?? '.deploy/local-cloud');
  const server = await startLocalCloud({
    ...localCloudOptionsFromEnv(io.env),
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 4566,
    dataDir,
    ...(options.latency !== undefined ? { latencyMs: parseLatency(options.latency) } : {}),
    ...(options.readLatency !== undefined
      ? { readLatencyMs: parseLatency(options.readLatency, '--read-latency') }
      : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.faults.length > 0 ? { faults: options.faults.flatMap(parseFaults) } : {}),
  });
  io.stdout.write(
    `Local Cloud Control listening on ${server.url} (data: ${dataDir})\n` +
      `Point tools at it: deploy plan <stack> <env> --endpoint ${server.url}\n` +
      `                   aws --endpoint-url ${server.url} cloudcontrol list-resources --type-name AWS::ApiGatewayV2::Api\n` +
      'Press Ctrl-C to stop.\n',
  );
  await new Promise<void>((done) => {
    const stop = (): void => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return EXIT.ok;
}
