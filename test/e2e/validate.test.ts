/**
 * `deploy validate` on the example and on broken variants of it: every problem a user can make
 * is reported before any cloud call, with the file, the line, the resource and a hint.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deploy, tempStack } from './harness.js';

function broken(file: string, edit: (text: string) => string): string {
  const stack = tempStack();
  const path = join(stack, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(path, after);
  return stack;
}

describe('deploy validate', () => {
  it('accepts the example in every environment', async () => {
    for (const env of ['dev', 'prd']) {
      const run = await deploy(['validate', tempStack(), env]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/is valid: 9 resources/);
    }
  });

  it.each([
    {
      name: 'bad YAML',
      file: 'stackql_manifest.yml',
      edit: (t: string) => t.replace('    props:\n      - name: api_name', '    props;\n      - name: api_name'),
      code: 'ManifestSyntax',
      where: /stackql_manifest\.yml:\d+/,
    },
    {
      name: 'an unknown type',
      file: 'resources/api.iql',
      edit: (t: string) => t.replace('INSERT INTO aws.apigatewayv2.apis', 'INSERT INTO aws.apigatewayv2.apiss'),
      code: 'UnknownType',
      where: /resources\/api\.iql:7, resource 'api'/,
      hint: "did you mean 'aws.apigatewayv2.apis'",
    },
    {
      name: 'a misspelt property',
      file: 'resources/route.iql',
      edit: (t: string) => t.replace('  RouteKey,', '  RouteKy,'),
      code: 'UnknownProperty',
      where: /resources\/route\.iql:4, resource 'connect_route'/,
      hint: "did you mean 'RouteKey'",
    },
    {
      name: 'a missing required property',
      file: 'resources/deployment.iql',
      edit: (t: string) => t.replace('  ApiId,\n', '').replace("  '{{ api_id }}',\n", ''),
      code: 'MissingRequiredProperty',
      where: /resources\/deployment\.iql:\d+, resource 'deployment'/,
      hint: 'ApiId',
    },
    {
      name: 'an undefined template variable',
      file: 'resources/stage.iql',
      edit: (t: string) => t.replace("'{{ stage_name }}',", "'{{ stage_nmae }}',"),
      code: 'UndefinedVariable',
      where: /resources\/stage\.iql:12, resource 'stage'/,
      hint: "'stage_name'",
    },
    {
      name: 'an unknown anchor',
      file: 'resources/deployment.iql',
      edit: (t: string) => t.replace('/*+ delete */', '/*+ delet */'),
      code: 'UnknownAnchor',
      where: /resources\/deployment\.iql:12, resource 'deployment'/,
      hint: "did you mean 'delete'",
    },
    {
      name: 'a read-only property in an INSERT',
      file: 'resources/deployment.iql',
      edit: (t: string) =>
        t
          .replace('  Description,\n', '  Description,\n  DeploymentId,\n')
          .replace("  '{{ deployment_description }}',\n", "  '{{ deployment_description }}',\n  'abc',\n"),
      code: 'ReadOnlyProperty',
      where: /resources\/deployment\.iql:5, resource 'deployment'/,
    },
    {
      name: 'a create without a delete',
      file: 'resources/stage.iql',
      edit: (t: string) => t.slice(0, t.indexOf('/*+ delete */')),
      code: 'MissingDelete',
      where: /resources\/stage\.iql:1, resource 'stage'/,
    },
    {
      name: 'an unknown manifest key',
      file: 'stackql_manifest.yml',
      edit: (t: string) => t.replace('    depends_on:', '    dependson:'),
      code: 'UnknownKey',
      where: /stackql_manifest\.yml:\d+, resource 'deployment'/,
      hint: "'depends_on'",
    },
  ])('reports $name with file, line and a hint, and exits 1', async ({ file, edit, code, where, hint }) => {
    const run = await deploy(['validate', broken(file, edit), 'dev']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error [${code}]`);
    expect(run.stderr).toMatch(where);
    expect(run.stderr).toContain('hint:');
    if (hint) expect(run.stderr).toContain(hint);
  });

  it('reports every problem, not only the first', async () => {
    const stack = broken('resources/route.iql', (t) => t.replace('  RouteKey,', '  RouteKy,'));
    writeFileSync(
      join(stack, 'resources/api.iql'),
      readFileSync(join(stack, 'resources/api.iql'), 'utf8').replace('/*+ delete */', '/*+ delet */'),
    );
    const run = await deploy(['validate', stack, 'dev']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[UnknownAnchor]');
    expect(run.stderr).toContain('[UnknownProperty]');
    expect(run.stderr).toMatch(/\d+ problems found/);
  });

  // ACM's Certificate is a legacy type: the registry gives it no handlers, so Cloud Control
  // cannot create it (CloudFormation still can).
  const certificateInsteadOfApi = (t: string): string =>
    t.slice(0, t.indexOf('/*+ create */')) +
    '/*+ create */\nINSERT INTO aws.certificatemanager.certificates (\n  DomainName,\n  region\n)\n' +
    "SELECT\n  'api.example.com',\n  '{{ region }}';\n\n" +
    t.slice(t.indexOf('/*+ delete */'));

  it('refuses a type Cloud Control cannot create, naming file, resource and why', async () => {
    const run = await deploy(['validate', broken('resources/api.iql', certificateInsteadOfApi), 'dev']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /error \[NotProvisionable\] \S*resources\/api\.iql:7, resource 'api': AWS::CertificateManager::Certificate cannot be created/,
    );
    expect(run.stderr).toContain(
      'hint: AWS::CertificateManager::Certificate has no Cloud Control handlers in the CloudFormation registry',
    );
  });

  it('refuses it in a plan too, before any cloud call', async () => {
    const run = await deploy(['plan', broken('resources/api.iql', certificateInsteadOfApi), 'dev', '--local']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[NotProvisionable]');
    expect(run.stderr).toContain("resource 'api'");
  });

  it('names the environments a prop has when the one asked for is missing', async () => {
    const run = await deploy(['validate', tempStack(), 'staging']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[MissingEnvValue]');
    expect(run.stderr).toContain('dev, prd');
  });
});

describe('deploy render', () => {
  it('prints the desired state with unknown values for resources not yet created', async () => {
    const run = await deploy(['render', tempStack(), 'prd', '--resource', 'connect_integration']);
    expect(run.code, run.stderr).toBe(0);
    const [out] = JSON.parse(run.stdout) as { desiredState: Record<string, unknown>; type: string }[];
    expect(out?.type).toBe('AWS::ApiGatewayV2::Integration');
    expect(out?.desiredState).toMatchObject({
      ApiId: '«unknown:api.api_id»',
      IntegrationType: 'MOCK',
      TimeoutInMillis: 10000,
    });
  });
});
