// Synthetic ApiGatewayV2 stacks for bench/scale.mjs.
// wide N:    N independent APIs (depth 1).
// layered N: N/5 chains api → integration → route → deployment → stage (depth 5), each link a
//            real value (an aliased export) except deployment → route, which is `depends_on`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FILES = {
  'api.iql': `/*+ create */
INSERT INTO aws.apigatewayv2.apis (Name, ProtocolType, RouteSelectionExpression, region)
SELECT '{{ api_name }}', 'WEBSOCKET', '$request.body.action', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.apis WHERE data__Identifier = '{{ api_id }}' AND region = '{{ region }}';
`,
  'integration.iql': `/*+ create */
INSERT INTO aws.apigatewayv2.integrations (ApiId, IntegrationType, region)
SELECT '{{ api }}', 'MOCK', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.integrations
WHERE data__Identifier = '{{ api }}|{{ integration_id }}' AND region = '{{ region }}';
`,
  'route.iql': `/*+ create */
INSERT INTO aws.apigatewayv2.routes (ApiId, RouteKey, Target, region)
SELECT '{{ api }}', '$default', 'integrations/{{ integration }}', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.routes WHERE data__Identifier = '{{ api }}|{{ route_id }}' AND region = '{{ region }}';
`,
  'deployment.iql': `/*+ create */
INSERT INTO aws.apigatewayv2.deployments (ApiId, region)
SELECT '{{ api }}', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.deployments
WHERE data__Identifier = '{{ api }}|{{ deployment_id }}' AND region = '{{ region }}';
`,
  'stage.iql': `/*+ create */
INSERT INTO aws.apigatewayv2.stages (ApiId, StageName, DeploymentId, region)
SELECT '{{ api }}', 'dev', '{{ deployment }}', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.stages WHERE data__Identifier = '{{ api }}|dev' AND region = '{{ region }}';
`,
};

function resource(name, file, props, exports, dependsOn) {
  let text = `  - name: ${name}\n    file: ${file}\n    props:\n`;
  for (const [k, v] of Object.entries(props)) text += `      - name: ${k}\n        value: "${v}"\n`;
  text += `    exports:\n${exports.map((e) => `      - ${e}\n`).join('')}`;
  if (dependsOn) text += `    depends_on: [${dependsOn}]\n`;
  return text;
}

function wide(count) {
  return Array.from({ length: count }, (_, i) => resource(`api_${i}`, 'api.iql', { api_name: `bench-${i}` }, []));
}

function layered(count) {
  const out = [];
  for (let g = 0; g < Math.ceil(count / 5); g++) {
    const api = `{{ api_id_${g} }}`;
    const chain = [
      () => resource(`api_${g}`, 'api.iql', { api_name: `bench-${g}` }, [`api_id: api_id_${g}`]),
      () => resource(`integration_${g}`, 'integration.iql', { api }, [`integration_id: integration_id_${g}`]),
      () =>
        resource(`route_${g}`, 'route.iql', { api, integration: `{{ integration_id_${g} }}` }, [
          `route_id: route_id_${g}`,
        ]),
      () => resource(`deployment_${g}`, 'deployment.iql', { api }, [`deployment_id: deployment_id_${g}`], `route_${g}`),
      () => resource(`stage_${g}`, 'stage.iql', { api, deployment: `{{ deployment_id_${g} }}` }, []),
    ];
    for (const make of chain.slice(0, Math.min(5, count - g * 5))) out.push(make());
  }
  return out;
}

/** Writes the stack to a fresh temporary directory; returns the directory and its depth. */
export function makeStack(shape, count) {
  const dir = mkdtempSync(join(tmpdir(), `deploy-scale-${shape}-${count}-`));
  mkdirSync(join(dir, 'resources'));
  for (const [file, text] of Object.entries(FILES)) writeFileSync(join(dir, 'resources', file), text);
  const resources = shape === 'wide' ? wide(count) : layered(count);
  writeFileSync(
    join(dir, 'stackql_manifest.yml'),
    `name: scale\nglobals:\n  - name: region\n    value: us-east-1\nresources:\n${resources.join('')}`,
  );
  return { dir, depth: shape === 'wide' ? 1 : Math.min(5, count) };
}
