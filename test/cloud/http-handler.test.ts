/**
 * The Cloud Control client's own HTTP handler, against plain node:http servers: what it sends,
 * what the SDK gets back, the sockets it keeps, and each way a request can fail. (Every other
 * cloud test goes through it too, with the real SDK client against the local cloud.)
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { HttpRequest } from '@smithy/core/transport';
import { afterEach, describe, expect, it } from 'vitest';
import { CloudHttpHandler } from '../../src/cloud/http-handler.js';
import { WireGate } from '../../src/cloud/wire-gate.js';

const servers: http.Server[] = [];
const handlers: CloudHttpHandler[] = [];
afterEach(async () => {
  for (const handler of handlers.splice(0)) handler.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => (s.closeAllConnections(), s.close(done)))));
});

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  socket: Socket;
}

/** A server answering each request with `answer`, recording what it received. */
async function serve(
  answer: (seen: Seen, response: http.ServerResponse) => void,
): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const one = {
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body,
        socket: request.socket,
      };
      seen.push(one);
      answer(one, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

function handler(limit = 10, timeouts = { connectMs: 1_000, idleMs: 1_000 }): CloudHttpHandler {
  const made = new CloudHttpHandler(new WireGate(limit), timeouts);
  handlers.push(made);
  return made;
}

function post(port: number, body: string | Uint8Array = '{"TypeName":"AWS::S3::Bucket"}', extra: object = {}) {
  return new HttpRequest({
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'CloudApiService.GetResource' },
    body,
    ...extra,
  });
}

const ok = (_seen: Seen, response: http.ServerResponse) => {
  response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'r-1' });
  response.end('{"TypeName":"AWS::S3::Bucket"}');
};

describe('the Cloud Control HTTP handler', () => {
  it('sends the request as built and gives the whole answer back, headers joined as the SDK joins them', async () => {
    const { port, seen } = await serve((_seen, response) => {
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.writeHead(400, 'Bad Request', { 'x-amzn-errortype': 'ValidationException' });
      response.write('{"__type":"Validation');
      setTimeout(() => response.end('Exception","Message":"no"}'), 5); // in two pieces
    });
    const body = new TextEncoder().encode('{"Identifier":"naïve"}');
    const { response } = await handler().handle(post(port, body));
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/', body: '{"Identifier":"naïve"}' });
    expect(seen[0]!.headers).toMatchObject({ 'x-amz-target': 'CloudApiService.GetResource' });
    expect(response.statusCode).toBe(400);
    expect(response.reason).toBe('Bad Request');
    expect(response.headers).toMatchObject({ 'set-cookie': 'a=1,b=2', 'x-amzn-errortype': 'ValidationException' });
    expect(Buffer.from(response.body as Uint8Array).toString()).toBe('{"__type":"ValidationException","Message":"no"}');
  });

  it('keeps one connection for requests one after another, and no more connections than the gate lets out', async () => {
    const { port, seen } = await serve((one, response) => setTimeout(() => ok(one, response), 5));
    const sequential = handler();
    const warnings: Error[] = [];
    const warned = (warning: Error) => warnings.push(warning);
    process.on('warning', warned);
    for (let i = 0; i < 30; i++) await sequential.handle(post(port));
    process.off('warning', warned);
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
    // Each request's listeners (its idle timeout above all) leave the kept socket with it:
    // Node warns once more than 10 pile up on one.
    expect(warnings).toEqual([]);

    seen.length = 0;
    const bounded = handler(3);
    await Promise.all(Array.from({ length: 12 }, () => bounded.handle(post(port))));
    expect(seen).toHaveLength(12);
    expect(new Set(seen.map((s) => s.socket)).size).toBe(3);
  });

  it('writes the next request before the work on the last answer, not after it', async () => {
    // A server in another process, answering each request with when it arrived there.
    const server = spawn(
      process.execPath,
      [
        '-e',
        `const s = require('node:http').createServer((q, a) => { q.resume(); q.on('end', () =>
           a.end(JSON.stringify({ arrived: performance.timeOrigin + performance.now() }))) });
         s.listen(0, '127.0.0.1', () => console.log(s.address().port));`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const port = Number(
        await new Promise<string>((resolve) => server.stdout.once('data', (d: Buffer) => resolve(String(d)))),
      );
      const now = () => performance.timeOrigin + performance.now();
      const gate = handler(1);
      let busyUntil = 0;
      const first = gate.handle(post(port)).then(() => {
        busyUntil = now() + 400; // the SDK and the engine at work on the answer, for long
        while (now() < busyUntil);
      });
      const second = gate.handle(post(port));
      await first;
      const { arrived } = JSON.parse(Buffer.from((await second).response.body as Uint8Array).toString()) as {
        arrived: number;
      };
      expect(arrived).toBeLessThan(busyUntil);
    } finally {
      server.kill();
    }
  });

  it('gives up on an answer that does not come, as a TimeoutError', async () => {
    const { port } = await serve(() => undefined); // never answers
    const started = performance.now();
    await expect(handler(10, { connectMs: 1_000, idleMs: 60 }).handle(post(port))).rejects.toMatchObject({
      name: 'TimeoutError',
      message: expect.stringContaining('no answer from 127.0.0.1 for 60 ms'),
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("fails with the socket's error when the connection is refused or drops mid-answer", async () => {
    const { port } = await serve((_seen, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"Type');
      setTimeout(() => response.socket?.destroy(), 5);
    });
    await expect(handler().handle(post(port))).rejects.toMatchObject({ code: 'ECONNRESET' });

    const closed = await serve(ok);
    await new Promise((done) => servers.pop()!.close(done));
    await expect(handler().handle(post(closed.port))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('stops a request when its abort signal fires, and sends none whose signal already has', async () => {
    const { port, seen } = await serve(() => undefined);
    const controller = new AbortController();
    const sent = handler().handle(post(port), { abortSignal: controller.signal });
    setTimeout(() => controller.abort(new Error('plan failed')), 20);
    await expect(sent).rejects.toMatchObject({ name: 'AbortError', cause: { message: 'plan failed' } });
    expect(seen).toHaveLength(1);

    await expect(handler().handle(post(port), { abortSignal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(seen).toHaveLength(1);
  });

  it('speaks TLS to an https endpoint, and refuses a certificate no authority signed', async () => {
    // A throwaway self-signed certificate for 127.0.0.1 (test only; `openssl req -x509`).
    let requests = 0;
    const server = https.createServer({ key: SELF_SIGNED.key, cert: SELF_SIGNED.cert }, (_q, a) => {
      requests++;
      a.end('{}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await expect(handler().handle(post(port, undefined, { protocol: 'https:' }))).rejects.toMatchObject({
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(requests).toBe(0); // nothing was sent to a server whose certificate did not check
  });

  it('refuses what Cloud Control never sends rather than sending it some other way', async () => {
    const { port, seen } = await serve(ok);
    const send = (extra: object) => handler().handle(post(port, undefined, extra));
    await expect(send({ query: { a: 'b' } })).rejects.toThrow(/does not send a query string/);
    await expect(send({ fragment: 'x' })).rejects.toThrow(/does not send a URL fragment/);
    await expect(send({ username: 'u' })).rejects.toThrow(/does not send credentials in the URL/);
    await expect(send({ headers: { expect: '100-continue' } })).rejects.toThrow(/Expect: 100-continue/);
    await expect(handler().handle(post(port, { pipe() {} } as never))).rejects.toThrow(/a streamed body/);
    expect(seen).toHaveLength(0);
  });
});

const SELF_SIGNED = {
  cert: `-----BEGIN CERTIFICATE-----
MIIBjzCCATagAwIBAgIUQ+uzt92wO8T78EUReE14xTRm2XMwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTIwMTIwNTQwOVoYDzIxMjYxMTA3
MjA1NDA5WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQ82+8XPE5tWmuOdo0cP/QezYkrIELEjxl2dmpnlAdy26eujO5/p+UU
XTPVkoMfJYZ6CXmUz46VBQND0VQf2E7zo2QwYjAdBgNVHQ4EFgQURI5FOAtuE+mc
Zy/LB6HBZjlHqRswHwYDVR0jBBgwFoAURI5FOAtuE+mcZy/LB6HBZjlHqRswDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0cAMEQC
IFWthxWbq0biJrwWyRYlVONfWzvqaNifcrkkDsjk1repAiB/QX5tbHU0WG0DLvC6
bAkjY2L1A7fxFP1F/kU4ZVB9cw==
-----END CERTIFICATE-----`,
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgKpJMD5dTcOkYZAh3
mJl+tzTaJTbqpjc5R4R1Z10ZhE+hRANCAAQ82+8XPE5tWmuOdo0cP/QezYkrIELE
jxl2dmpnlAdy26eujO5/p+UUXTPVkoMfJYZ6CXmUz46VBQND0VQf2E7z
-----END PRIVATE KEY-----`,
};
