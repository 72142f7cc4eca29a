// What really exists in a local cloud for the example stack (examples/websocket-api), listed
// through the SDK rather than read from any ledger: benchmarks and tests compare the two.
import { CloudControlClient, ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';

// The SDK's notice about its future Node support is noise in a benchmark's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function list(client, typeName, model) {
  const ids = [];
  let NextToken;
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

/** Every ApiGatewayV2 resource the cloud at `endpoint` holds, as `Type identifier` strings. */
export async function inventoryAt(endpoint) {
  const client = new CloudControlClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const found = new Set();
  const add = (type, ids) => ids.forEach((id) => found.add(`AWS::ApiGatewayV2::${type} ${id}`));
  try {
    for (const ApiId of await list(client, 'AWS::ApiGatewayV2::Api')) {
      add('Api', [ApiId]);
      for (const type of ['Deployment', 'Stage'])
        add(type, await list(client, `AWS::ApiGatewayV2::${type}`, { ApiId }));
      for (const integration of await list(client, 'AWS::ApiGatewayV2::Integration', { ApiId })) {
        add('Integration', [integration]);
        const IntegrationId = integration.split('|')[1];
        const model = { ApiId, IntegrationId };
        add('IntegrationResponse', await list(client, 'AWS::ApiGatewayV2::IntegrationResponse', model));
      }
      for (const route of await list(client, 'AWS::ApiGatewayV2::Route', { ApiId })) {
        add('Route', [route]);
        const RouteId = route.split('|')[1];
        add('RouteResponse', await list(client, 'AWS::ApiGatewayV2::RouteResponse', { ApiId, RouteId }));
      }
    }
  } finally {
    client.destroy();
  }
  return found;
}
