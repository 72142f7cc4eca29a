/**
 * `type: query` resources read something that exists (here an API another team deployed) and
 * export its columns to later resources; unsupported stackql-deploy types are refused clearly.
 */
import { join } from 'node:path';
import {
  CloudControlClient,
  CreateResourceCommand,
  GetResourceRequestStatusCommand,
} from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { startLocalCloud } from '../../src/emulator/index.js';
import { deploy, eventsOf, stackWith } from './harness.js';

const MANIFEST = `name: extend-api
globals:
  - name: region
    value: us-east-1
resources:
  - name: shared
    type: query
    exports:
      - api_id: shared_api_id
  - name: integration
    props:
      - name: note
        value: added by extend-api
    exports: [integration_id]
`;

const FILES = {
  'shared.iql': `/*+ exports */
SELECT api_id FROM aws.apigatewayv2.apis WHERE region = '{{ region }}' AND name = 'shared-api';
`,
  'integration.iql': `/*+ create */
INSERT INTO aws.apigatewayv2.integrations (ApiId, IntegrationType, Description, region)
SELECT '{{ shared_api_id }}', 'MOCK', '{{ note }}', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.integrations WHERE data__Identifier = '{{ shared_api_id }}|{{ integration_id }}' AND region = '{{ region }}';
`,
};

describe('type: query', () => {
  it('reads an existing resource and exports its columns to the resources after it', async () => {
    const stack = stackWith(MANIFEST, FILES);
    const server = await startLocalCloud({ dataDir: join(stack, '.deploy', 'local-cloud') });
    const client = new CloudControlClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
    });
    const created = await client.send(
      new CreateResourceCommand({
        TypeName: 'AWS::ApiGatewayV2::Api',
        DesiredState: JSON.stringify({
          Name: 'shared-api',
          ProtocolType: 'WEBSOCKET',
          RouteSelectionExpression: '$request.body.action',
        }),
      }),
    );
    // The ApiId is generated: as in AWS, the request's status names it once the create is done.
    const status = await client.send(
      new GetResourceRequestStatusCommand({ RequestToken: created.ProgressEvent?.RequestToken }),
    );
    client.destroy();
    await server.close();
    const apiId = status.ProgressEvent?.Identifier as string;
    expect(apiId).toBeTruthy();

    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const plan = eventsOf(run, 'plan_ready')[0]?.plan;
    expect(plan?.resources.map((r) => r.resource)).toEqual(['integration']);
    expect(eventsOf(run, 'resource_finished')[0]?.identifier).toMatch(new RegExp(`^${apiId}\\|`));
  });

  it('says so when the query finds nothing', async () => {
    const run = await deploy(['plan', stackWith(MANIFEST, FILES), 'dev', '--local']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[QueryFoundNothing]');
    expect(run.stderr).toContain("resource 'shared'");
  });

  it('refuses stackql-deploy types it cannot run, naming the line', async () => {
    const stack = stackWith(MANIFEST.replace('type: query', 'type: multi'), FILES);
    const run = await deploy(['validate', stack, 'dev']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\[UnsupportedResourceType\] .*stackql_manifest\.yml:6, resource 'shared'/);
  });
});
