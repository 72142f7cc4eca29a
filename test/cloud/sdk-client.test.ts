/**
 * What AWS receives from the adapter's SDK client: requests signed as SigV4 says (checked here
 * with the secret key, as AWS does, since the local cloud does not check signatures) and the
 * SDK's user-agent header, although the client makes its signer and that header once; and what
 * the adapter makes of AWS's answers, although the client's serializer, deserializer and retry
 * middleware are its own (sdk-lean.ts).
 */
import { createHash, createHmac } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SdkCloudControl } from '../../src/cloud/cloud-control-client.js';

const SECRET = 'test-secret-key';
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let server: http.Server | undefined;
let client: SdkCloudControl | undefined;
afterEach(async () => {
  client?.destroy();
  await new Promise((resolve) => server?.close(resolve));
  received.length = 0;
});

/**
 * A Cloud Control endpoint that records each request and answers every read with one resource,
 * except reads of 'missing' (AWS's not-found error), 'refused' (a validation error) and, once,
 * 'flaky' (a load balancer's 503 page, which is not JSON) and 'silent' (no answer at all).
 */
async function recordingCloud(): Promise<string> {
  let flaked = false;
  let silenced = false;
  const listening = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const { TypeName, Identifier } = JSON.parse(body) as { TypeName: string; Identifier: string };
      const json = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `req-${received.length}` };
      const error = { missing: 'ResourceNotFoundException', refused: 'ValidationException' }[Identifier];
      if (Identifier === 'silent' && !silenced) {
        silenced = true; // the request is left without an answer: the client must give up on it
      } else if (Identifier === 'flaky' && !flaked) {
        flaked = true;
        response.writeHead(503, { 'content-type': 'text/html', 'x-amzn-requestid': 'lb-1' });
        response.end('<html><body>503 Service Temporarily Unavailable</body></html>');
      } else if (error) {
        response.writeHead(400, json);
        response.end(JSON.stringify({ __type: `com.amazonaws.cloudcontrol#${error}`, Message: `no: ${Identifier}` }));
      } else {
        response.writeHead(200, json);
        response.end(JSON.stringify({ TypeName, ResourceDescription: { Identifier, Properties: '{"Name":"a"}' } }));
      }
    });
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

async function connect(attempts = 2): Promise<SdkCloudControl> {
  return new SdkCloudControl({
    endpoint: await recordingCloud(),
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: SECRET },
    rateLimit: 0,
    retry: { attempts, baseDelayMs: 1, maxDelayMs: 1 },
    timeouts: { connectMs: 1_000, idleMs: 100 },
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/** The signature AWS computes for a POST to / with these headers and body (SigV4). */
function expectedSignature(headers: IncomingHttpHeaders, body: string): string {
  const authorization = String(headers.authorization);
  const [, scope, signed] = /Credential=[^/]+\/([^,]+), SignedHeaders=([^,]+)/.exec(authorization) ?? [];
  const [date, region, service] = scope!.split('/');
  const names = signed!.split(';');
  const canonical = [
    'POST',
    '/',
    '',
    ...names.map((name) => `${name}:${String(headers[name]).trim()}`),
    '',
    signed,
    sha256(body),
  ].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', headers['x-amz-date'], scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date!), region!), service!), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('the SDK client as AWS sees its requests', () => {
  it('signs every request with the key, region and service, one signer serving them all', async () => {
    // Signed by sigv4.ts, not handed to the SDK's signer (whose class this is).
    const sdkSigner = await new CloudControlClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    }).config.signer();
    const handedOn = vi.spyOn(Object.getPrototypeOf(sdkSigner) as { signRequest: () => unknown }, 'signRequest');
    client = await connect();
    await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'one');
    await client.getResource('AWS::ApiGatewayV2::Api', 'eu-west-1', 'two');
    await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'three');

    expect(received).toHaveLength(3);
    expect(
      received.map(
        (r) => /Credential=AKIDTEST\/\d{8}\/([^/]+)\/cloudcontrolapi\//.exec(String(r.headers.authorization))?.[1],
      ),
    ).toEqual(['us-east-1', 'eu-west-1', 'us-east-1']);
    for (const { headers, body } of received) {
      expect(JSON.parse(body)).toHaveProperty('TypeName', 'AWS::ApiGatewayV2::Api');
      expect(String(headers.authorization)).toContain(`Signature=${expectedSignature(headers, body)}`);
    }
    expect(handedOn).not.toHaveBeenCalled();
    handedOn.mockRestore();
  });

  it("sends the SDK's user agent: SDK, Node and OS versions and the API", async () => {
    client = await connect();
    await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'one');
    await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'two');

    const [first, second] = received.map((r) => r.headers);
    const sdk = /^aws-sdk-js\/(\d+\.\d+\.\d+)/.exec(String(first!['user-agent']))?.[1];
    expect(sdk).toBeDefined();
    expect(first!['user-agent']).toContain(`md/nodejs#${process.versions.node}`);
    expect(first!['user-agent']).toContain(`os/${process.platform}`);
    expect(first!['user-agent']).toContain(`api/cloudcontrol#`);
    expect(first!['x-amz-user-agent']).toBe(`aws-sdk-js/${sdk}`);
    expect(second!['user-agent']).toBe(first!['user-agent']);
  });

  it("marks each request as the SDK's first attempt of its own invocation", async () => {
    client = await connect();
    await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'one');
    await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'two');

    const ids = received.map((r) => r.headers['amz-sdk-invocation-id']);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(received.map((r) => r.headers['amz-sdk-request'])).toEqual(['attempt=1; max=1', 'attempt=1; max=1']);
  });

  it("reads AWS's answers and errors as the SDK does: not found, refused, and a 503 page retried", async () => {
    client = await connect();
    expect(await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'one')).toEqual({
      identifier: 'one',
      properties: { Name: 'a' },
    });
    expect(await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'missing')).toBeUndefined();
    await expect(client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'refused')).rejects.toMatchObject({
      code: 'ValidationException',
      message: expect.stringContaining('no: refused'),
      retryable: false,
    });
    // A body that is not JSON: retried (and then read) only because its 503 status is known.
    expect(await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'flaky')).toEqual({
      identifier: 'flaky',
      properties: { Name: 'a' },
    });
    expect(received.map((r) => (JSON.parse(r.body) as { Identifier: string }).Identifier)).toEqual([
      'one',
      'missing',
      'refused',
      'flaky',
      'flaky',
    ]);
  });

  it('gives up on a request left without an answer, and sends it again', async () => {
    client = await connect();
    expect(await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'silent')).toEqual({
      identifier: 'silent',
      properties: { Name: 'a' },
    });
    expect(received).toHaveLength(2);
  });

  it('says the cloud could not be reached when no attempt is answered in time', async () => {
    client = await connect(1);
    await expect(client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'silent')).rejects.toMatchObject({
      code: 'TimeoutError',
      retryable: true,
      hint: expect.stringContaining('could not be reached'),
    });
  });

  it('carries the app id a team sets (AWS_SDK_UA_APP_ID), as the SDK does', async () => {
    const before = process.env['AWS_SDK_UA_APP_ID'];
    process.env['AWS_SDK_UA_APP_ID'] = 'platform-team';
    try {
      client = await connect();
      await client.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'one');
    } finally {
      if (before === undefined) delete process.env['AWS_SDK_UA_APP_ID'];
      else process.env['AWS_SDK_UA_APP_ID'] = before;
    }
    expect(String(received[0]!.headers['user-agent']).split(' ')).toContain('app/platform-team');
  });
});
