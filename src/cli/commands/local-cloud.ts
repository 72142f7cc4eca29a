import { resolve } from 'node:path';
import { command, flag } from '../command.js';
import { RATE_LIMIT } from '../flags.js';
import { EXIT } from '../io.js';
import { repeatable, wholeNumber } from '../values.js';

export default command({
  name: 'local-cloud',
  summary: 'serve the local Cloud Control API',
  description:
    'Serves the local Cloud Control API on the real wire protocol until Ctrl-C, for other ' +
    'processes (deploy --endpoint, the AWS CLI, SDKs).',
  args: [],
  flags: [
    flag({
      name: 'port',
      value: 'PORT',
      description: 'the port to listen on',
      parse: wholeNumber(0, 65535),
      default: 4566,
    }),
    flag({ name: 'host', value: 'HOST', description: 'the address to listen on', default: '127.0.0.1' }),
    flag({ name: 'data', value: 'DIR', description: 'where resources are kept', default: '.deploy/local-cloud' }),
    flag({
      name: 'latency',
      value: 'MS[-MAX]',
      description: 'delay each answer: milliseconds ("200") or a range ("100-500")',
      default: undefined as string | undefined,
    }),
    flag({
      name: 'read-latency',
      value: 'MS[-MAX]',
      description: 'delay each read (GetResource, ListResources): milliseconds or a range',
      default: undefined as string | undefined,
    }),
    flag({
      name: 's3-latency',
      value: 'MS[-MAX]',
      description: 'delay each S3 request (state kept in S3): milliseconds or a range',
      default: undefined as string | undefined,
    }),
    flag({
      name: 'bucket',
      value: 'NAME',
      description: 'an S3 bucket to serve from the start, for --state s3://NAME/… (repeatable)',
      parse: repeatable,
      default: [] as readonly string[],
    }),
    flag({ ...RATE_LIMIT, description: 'requests per second it answers before throttling (default: unlimited)' }),
    flag({
      name: 'fault',
      value: 'SPEC',
      description: 'fail matching requests, e.g. create:AWS::ApiGatewayV2::Route:1 (repeatable)',
      parse: repeatable,
      default: [] as readonly string[],
    }),
  ],
  example: 'deploy local-cloud --port 4566',
  async run(options, io) {
    const { localCloudOptionsFromEnv, parseFaults, parseLatency, startLocalCloud } =
      await import('../../emulator/index.js');
    const dataDir = resolve(io.cwd, options.data);
    const server = await startLocalCloud({
      ...localCloudOptionsFromEnv(io.env),
      host: options.host,
      port: options.port,
      dataDir,
      ...(options.latency !== undefined ? { latencyMs: parseLatency(options.latency) } : {}),
      ...(options.readLatency !== undefined
        ? { readLatencyMs: parseLatency(options.readLatency, '--read-latency') }
        : {}),
      ...(options.s3Latency !== undefined ? { s3LatencyMs: parseLatency(options.s3Latency, '--s3-latency') } : {}),
      ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
      ...(options.fault.length > 0 ? { faults: options.fault.flatMap(parseFaults) } : {}),
      buckets: options.bucket,
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
  },
});
