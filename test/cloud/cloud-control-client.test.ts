/**
 * The engine's Cloud Control adapter against the local cloud, where it meets what AWS does:
 * generated identifiers known only at the end, deletes of what is gone failing asynchronously.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloudError } from '../../src/cloud/cloud-error.js';
import { SdkCloudControl } from '../../src/cloud/cloud-control-client.js';
import { startLocalCloud, type LocalCloud } from '../../src/emulator/index.js';

let cloud: LocalCloud | undefined;
let client: SdkCloudControl | undefined;
afterEach(async () => {
  client?.destroy();
  await cloud?.close();
});

async function connect(latencyMs: number): Promise<SdkCloudControl> {
  cloud = await startLocalCloud({ latencyMs });
  client = new SdkCloudControl({
    endpoint: cloud.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    rateLimit: 0,
    poll: { initialMs: 5, maxMs: 20 },
  });
  return client;
}

describe('SdkCloudControl against a cloud that behaves like AWS', () => {
  it('takes a generated identifier from the final progress event', async () => {
    const cc = await connect(30);
    const created = await cc.createResource('AWS::ApiGatewayV2::Api', 'us-east-1', {
      Name: 'a',
      ProtocolType: 'HTTP',
    });
    expect(created.identifier).toMatch(/^[a-z0-9]{10}$/);
    expect(created.properties['ApiId']).toBe(created.identifier);
    expect((await cc.getResource('AWS::ApiGatewayV2::Api', 'us-east-1', created.identifier))?.identifier).toBe(
      created.identifier,
    );
  });

  it('treats the asynchronous NotFound of a delete of something gone as done', async () => {
    const cc = await connect(10);
    await expect(cc.deleteResource('AWS::ApiGatewayV2::Api', 'us-east-1', 'gone000000')).resolves.toBeUndefined();
  });

  it('reports a model AWS would refuse as ValidationException, with a hint', async () => {
    const cc = await connect(0);
    const error = await cc
      .createResource('AWS::ApiGatewayV2::Api', 'us-east-1', { Colour: 'blue' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ code: 'ValidationException' });
    expect((error as CloudError).message).toContain('Model validation failed');
    expect((error as CloudError).hint).toBeDefined();
  });
});
