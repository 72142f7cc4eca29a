/**
 * Bugs real stackql-deploy stacks ran into, each reproduced by the smallest stack that shows it
 * and fixed: dependency edges through a prop named like the export it reads, one export name
 * per environment switched by `if`, a query reading what the same run creates, and a scoped
 * reference to an aliased export.
 */
import { describe, expect, it } from 'vitest';
import { deploy, eventsOf, ledgerOf, manifestHead, stackWith } from './harness.js';

const API = `/*+ exists */
SELECT api_id FROM aws.apigatewayv2.apis WHERE region = '{{ region }}' AND name = '{{ api_name }}';

/*+ create */
INSERT INTO aws.apigatewayv2.apis (Name, ProtocolType, RouteSelectionExpression, region)
SELECT '{{ api_name }}', 'WEBSOCKET', '$request.body.action', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.apis WHERE data__Identifier = '{{ api_id }}' AND region = '{{ region }}';
`;

function integration(description = "'MOCK'"): string {
  return `/*+ create */
INSERT INTO aws.apigatewayv2.integrations (ApiId, IntegrationType, Description, region)
SELECT '{{ api_id }}', 'MOCK', ${description}, '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.integrations
WHERE data__Identifier = '{{ api_id }}|{{ integration_id }}' AND region = '{{ region }}';
`;
}

const HEAD = manifestHead('bugs');

async function applied(stack: string, env = 'dev') {
  const run = await deploy(['apply', stack, env, '--local', '--yes', '--json']);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return { run, ledger: ledgerOf(stack, env).resources };
}

describe('bugs found in real stacks', () => {
  it('a prop reading an export of the same name keeps its dependency edge', async () => {
    // The integration comes first in the manifest: only the edge makes it wait for the api.
    const stack = stackWith(
      `${HEAD}  - name: integration
    props:
      - name: api_id
        value: "{{ api_id }}"
  - name: api
    props:
      - name: api_name
        value: bugs-api
    exports: [api_id]
`,
      { 'integration.iql': integration(), 'api.iql': API },
    );
    const { run, ledger } = await applied(stack);
    const plan = eventsOf(run, 'plan_ready')[0]?.plan;
    expect(plan?.resources.find((r) => r.resource === 'integration')?.dependsOn).toEqual(['api']);
    expect(ledger['integration']?.identifier.startsWith(`${ledger['api']?.identifier}|`)).toBe(true);
  });

  it('one export name from two resources, switched by `if` per environment, is the deployed one', async () => {
    const manifest = `${HEAD}  - name: api_dev
    file: api.iql
    if: "'{{ stack_env }}' == 'dev'"
    props:
      - name: api_name
        value: bugs-dev
    exports: [api_id]
  - name: api_prd
    file: api.iql
    if: "'{{ stack_env }}' == 'prd'"
    props:
      - name: api_name
        value: bugs-prd
    exports: [api_id]
  - name: integration
    props: []
`;
    for (const [env, producer] of [
      ['dev', 'api_dev'],
      ['prd', 'api_prd'],
    ] as const) {
      const stack = stackWith(manifest, { 'api.iql': API, 'integration.iql': integration() });
      const { ledger } = await applied(stack, env);
      expect(Object.keys(ledger).sort()).toEqual([producer, 'integration'].sort());
      expect(ledger['integration']?.identifier.startsWith(`${ledger[producer]?.identifier}|`)).toBe(true);
    }
  });

  it('a type: query resource reading what the same run creates is read once that exists', async () => {
    const stack = stackWith(
      `${HEAD}  - name: api
    props:
      - name: api_name
        value: bugs-api
    exports: [api_id]
  - name: endpoint_of_api
    type: query
    exports: [endpoint]
  - name: integration
    props:
      - name: note
        value: "serves {{ endpoint }}"
`,
      {
        'api.iql': API,
        'endpoint_of_api.iql': `/*+ exports */
SELECT api_endpoint AS endpoint FROM aws.apigatewayv2.apis
WHERE region = '{{ region }}' AND data__Identifier = '{{ api_id }}';
`,
        'integration.iql': integration("'{{ note }}'"),
      },
    );
    const { ledger } = await applied(stack);
    const apiId = ledger['api']?.identifier as string;
    expect(ledger['integration']?.desired['Description']).toBe(
      `serves wss://${apiId}.execute-api.us-east-1.amazonaws.com`,
    );
  });

  it('{{ resource.alias }} of an aliased export renders at apply, as validate and plan promised', async () => {
    const stack = stackWith(
      `${HEAD}  - name: api
    props:
      - name: api_name
        value: bugs-api
    exports:
      - api_id
      - api_endpoint: api_url
  - name: integration
    props:
      - name: note
        value: "{{ api.api_url }}"
`,
      { 'api.iql': API, 'integration.iql': integration("'{{ note }}'") },
    );
    expect((await deploy(['validate', stack, 'dev'])).code).toBe(0);
    const { ledger } = await applied(stack);
    expect(ledger['integration']?.desired['Description']).toBe(
      `wss://${ledger['api']?.identifier}.execute-api.us-east-1.amazonaws.com`,
    );
  });
});
