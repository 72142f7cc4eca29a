/**
 * What really exists in a stack's local cloud, listed through the SDK (not the ledger), so
 * tests can check that the ledger tells the truth.
 */
import { join } from 'node:path';
import { CloudControlClient, ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { startLocalCloud } from '../../src/emulator/index.js';

async function list(client: CloudControlClient, typeName: string, model?: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const out = await client.send(
      new ListResourcesCommand({
        TypeName: typeName,
        NextToken,
        ...(model ? { ResourceModel: JSON.stringify(model) } : {}),
      }),
    );
    ids.push(...(out.ResourceDescriptions ?? []).map((d) => d.Identifier ?? ''));
    NextToken = out.NextToken;
  } while (NextToken);
  return ids;
}

/** Every ApiGatewayV2 resource in the stack's local cloud, as `Type identifier` strings. */
export async function inventory(stackDir: string): Promise<Set<string>> {
  const server = await startLocalCloud({ dataDir: join(stackDir, '.deploy', 'local-cloud') });
  const client = new CloudControlClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const found = new Set<string>();
  const add = (type: string, ids: string[]): void => ids.forEach((id) => found.add(`${type} ${id}`));
  try {
    for (const api of await list(client, 'AWS::ApiGatewayV2::Api')) {
      add('AWS::ApiGatewayV2::Api', [api]);
      const ApiId = api;
      for (const type of ['Deployment', 'Stage'])
        add(`AWS::ApiGatewayV2::${type}`, await list(client, `AWS::ApiGatewayV2::${type}`, { ApiId }));
      for (const integration of await list(client, 'AWS::ApiGatewayV2::Integration', { ApiId })) {
        add('AWS::ApiGatewayV2::Integration', [integration]);
        const IntegrationId = integration.split('|')[1] as string;
        add(
          'AWS::ApiGatewayV2::IntegrationResponse',
          await list(client, 'AWS::ApiGatewayV2::IntegrationResponse', { ApiId, IntegrationId }),
        );
      }
      for (const route of await list(client, 'AWS::ApiGatewayV2::Route', { ApiId })) {
        add('AWS::ApiGatewayV2::Route', [route]);
        const RouteId = route.split('|')[1] as string;
        add(
          'AWS::ApiGatewayV2::RouteResponse',
          await list(client, 'AWS::ApiGatewayV2::RouteResponse', { ApiId, RouteId }),
        );
      }
    }
  } finally {
    client.destroy();
    await server.close();
  }
  return found;
}
