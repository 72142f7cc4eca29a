import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { HttpRequest } from '@smithy/core/transport';
import { describe, expect, it } from 'vitest';
import { CloudControlSigner, type Credentials, type RequestSigner } from '../../src/cloud/sigv4.js';

const KEYS: Credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

const SCOPE = { region: 'eu-west-1', service: 'cloudcontrolapi' };

/** The SDK's own signer for a Cloud Control client with these credentials. */
async function sdkSigner(credentials: Credentials): Promise<RequestSigner> {
  const client = new CloudControlClient({ region: SCOPE.region, credentials });
  return (await client.config.signer()) as unknown as RequestSigner;
}

/** Ours, over the SDK's, counting the requests it hands to the SDK's. */
function ours(sdk: RequestSigner, credentials: Credentials) {
  const handedOn = { count: 0 };
  const counting: RequestSigner = { sign: (request, options) => (handedOn.count++, sdk.sign(request, options)) };
  return { signer: new CloudControlSigner(counting, async () => credentials, SCOPE), handedOn };
}

function request(body: Body, headers: Record<string, string> = {}, extra: Partial<HttpRequest> = {}): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname: 'cloudcontrolapi.eu-west-1.amazonaws.com',
    path: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'CloudApiService.GetResource',
      host: 'cloudcontrolapi.eu-west-1.amazonaws.com',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'aws-sdk-js/3 ua/2.1 os/linux',
      'amz-sdk-invocation-id': '3f1e9a4c-1b1e-4c1e-9a4c-1b1e4c1e9a4c',
      'amz-sdk-request': 'attempt=1; max=1',
      ...headers,
    },
    body,
    ...extra,
  });
}

type Body = string | Uint8Array;
const texts = [
  '{"TypeName":"AWS::ApiGatewayV2::Api","Identifier":"a1b2c3"}',
  '{"TypeName":"AWS::S3::Bucket","DesiredState":"{\\"BucketName\\":\\"é-ü-🚀\\"}","ClientToken":"x"}',
  '',
  '{}',
];
// As text, and as the bytes the SDK's JSON protocol sends.
const bodies: Body[] = [...texts, ...texts.map((text) => new TextEncoder().encode(text))];
const dates = [new Date('2026-12-01T17:45:12.345Z'), new Date('2027-01-01T00:00:00.000Z'), new Date(0)];

describe('SigV4 signing of Cloud Control requests', () => {
  it('signs exactly as the SDK signs, without handing the request on', async () => {
    for (const credentials of [KEYS, { ...KEYS, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token==' }]) {
      const sdk = await sdkSigner(credentials);
      const { signer, handedOn } = ours(sdk, credentials);
      for (const body of bodies) {
        for (const signingDate of dates) {
          // As the SDK's signing step calls it (the region and service the signer was made
          // with), and naming another.
          for (const named of [{}, { signingRegion: 'us-gov-west-1', signingService: 'cloudcontrolapi' }]) {
            const options = { signingDate, ...named };
            const extra = {
              'x-amz-meta-note': '  two  spaces\tand a tab ',
              'x-amz-meta-lead': ' lead',
              'x-amz-meta-trail': 'trail ',
              'x-amz-meta-lines': 'one\r\ntwo',
              'proxy-authorization': 'p',
            };
            for (const headers of [{}, extra]) {
              const expected = await sdk.sign(request(body, headers), options);
              const got = await signer.sign(request(body, headers), options);
              expect(got.headers).toEqual(expected.headers);
              expect(got.body).toBe(expected.body);
            }
          }
        }
      }
      expect(handedOn.count).toBe(0);
    }
  });

  it('signs with the credentials of the moment, as they are refreshed', async () => {
    const rotated = { accessKeyId: 'AKIDROTATED', secretAccessKey: 'another-secret', sessionToken: 'tok' };
    const sdks = [await sdkSigner(KEYS), await sdkSigner(rotated)];
    let now = 0;
    const signer = new CloudControlSigner(sdks[0] as RequestSigner, async () => [KEYS, rotated][now % 2], SCOPE);
    for (now = 0; now < 4; now++) {
      const options = { signingDate: dates[0] as Date };
      const expected = await (sdks[now % 2] as RequestSigner).sign(request('{}'), options);
      expect((await signer.sign(request('{}'), options)).headers).toEqual(expected.headers);
    }
  });

  it('signs a fresh copy: the request given stays as it was', async () => {
    const { signer } = ours(await sdkSigner(KEYS), KEYS);
    const given = request(bodies[0] as string, { authorization: 'stale', 'x-amz-date': '20200101T000000Z' });
    const before = structuredClone(given.headers);
    const signed = await signer.sign(given);
    expect(given.headers).toEqual(before);
    expect(signed.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\//);
    expect(signed.headers['x-amz-date']).not.toBe('20200101T000000Z');
  });

  it('hands any other request to the SDK signer', async () => {
    const sdk = await sdkSigner(KEYS);
    const { signer, handedOn } = ours(sdk, KEYS);
    const options = { signingDate: dates[0] as Date };
    const others = [
      request('{}', {}, { method: 'GET' }),
      request('{}', {}, { path: '/a b/../c' }),
      request('{}', {}, { query: { list: 'yes' } }),
      request('{}', { 'X-Amz-Meta-Upper': 'v' }),
      new HttpRequest({ ...request('{}'), body: new TextEncoder().encode('{}').buffer }),
    ];
    for (const other of others) {
      expect((await signer.sign(other, options)).headers).toEqual((await sdk.sign(other, options)).headers);
    }
    expect(handedOn.count).toBe(others.length);
  });
});
