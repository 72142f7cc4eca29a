import { describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { loadManifest, resourceContext, stackContext, type Manifest } from '../../src/manifest/index.js';
import { unknownResource, unknownToken } from '../../src/template/index.js';
import { FULL_MANIFEST, writeStack } from './stack-fixture.js';

function thrown(action: () => unknown): DeployError {
  try {
    action();
  } catch (error) {
    if (DeployError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a DeployError');
}

const load = (text: string): Manifest => loadManifest(writeStack(text));
const resource = (manifest: Manifest, name: string) => {
  const found = manifest.resources.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no resource ${name}`);
  return found;
};

describe('stackContext', () => {
  const manifest = load(FULL_MANIFEST);
  const context = stackContext(manifest, 'prd', { AWS_REGION: 'us-east-1', OTHER: 'o' });

  it('holds stack_name, stack_env and the variables, bare and under vars', () => {
    expect(context).toMatchObject({
      stack_name: 'websocket-api',
      stack_env: 'prd',
      AWS_REGION: 'us-east-1',
      OTHER: 'o',
    });
    expect(context.vars).toEqual({ AWS_REGION: 'us-east-1', OTHER: 'o' });
  });

  it('renders globals in order from the variables, bare and under globals', () => {
    expect(context.region).toBe('us-east-1');
    expect(context.globals).toMatchObject({ region: 'us-east-1', stack_name: 'websocket-api', stack_env: 'prd' });
  });

  it('keeps structured globals structured, with their strings rendered', () => {
    const tags = [
      { Key: 'Provisioner', Value: 'stackql' },
      { Key: 'StackEnv', Value: 'prd' },
    ];
    expect(context.global_tags).toEqual(tags);
    expect((context.globals as Record<string, unknown>).global_tags).toEqual(tags);
  });

  it('lets globals read earlier globals and keeps non-string values', () => {
    const m = load(
      'globals:\n  - name: a\n    value: "{{ stack_env }}-a"\n  - name: b\n    value: "{{ a }}/{{ globals.a }}"\n  - name: n\n    value: 3\n  - name: on\n    value: true\n',
    );
    expect(stackContext(m, 'dev', {})).toMatchObject({ a: 'dev-a', b: 'dev-a/dev-a', n: 3, on: true });
  });

  it('reports an undefined variable in a global at the line of its value', () => {
    const error = thrown(() => stackContext(manifest, 'prd', {}));
    expect(error.code).toBe('UndefinedVariable');
    expect(error.message).toContain('AWS_REGION');
    expect(error.location.file).toMatch(/stackql_manifest\.yml$/);
    expect(error.location.line).toBe(10);
  });

  it('reports the line of a nested string of a structured global', () => {
    const m = load('globals:\n  - name: tags\n    value:\n      - Key: a\n        Value: "{{ nope }}"\n');
    expect(thrown(() => stackContext(m, 'dev', {})).location.line).toBe(5);
  });

  it('reports the line inside a block scalar', () => {
    const m = load('globals:\n  - name: policy\n    value: |\n      {\n        "x": "{{ nope }}"\n      }\n');
    expect(thrown(() => stackContext(m, 'dev', {})).location.line).toBe(5);
  });
});

describe('resourceContext', () => {
  const manifest = load(FULL_MANIFEST);
  const base = stackContext(manifest, 'prd', { AWS_REGION: 'us-east-1' });

  it('renders the props for the environment, values.<env> included', () => {
    const context = resourceContext(manifest, resource(manifest, 'api'), 'prd', base);
    expect(context).toMatchObject({
      api_name: 'websocket-api-prd-api',
      route_selection: '$request.body.action',
      resource_name: 'api',
    });
    const dev = resourceContext(
      manifest,
      resource(manifest, 'api'),
      'dev',
      stackContext(manifest, 'dev', { AWS_REGION: 'x' }),
    );
    expect(dev.route_selection).toBe('$request.body.dev');
  });

  it('merges lists: own items first, then the global items not already there', () => {
    const context = resourceContext(manifest, resource(manifest, 'api'), 'prd', base);
    expect(context.tags).toEqual([
      { Key: 'Name', Value: 'websocket-api' },
      { Key: 'Provisioner', Value: 'stackql' },
      { Key: 'StackEnv', Value: 'prd' },
    ]);
  });

  it('lets props override globals of the same name, leaving globals.<name>', () => {
    const context = resourceContext(manifest, resource(manifest, 'integration'), 'prd', base);
    expect(context.region).toBe('eu-west-1');
    expect((context.globals as Record<string, unknown>).region).toBe('us-east-1');
    expect(base.region).toBe('us-east-1');
  });

  it('reports a prop with no value for the environment', () => {
    const error = thrown(() =>
      resourceContext(manifest, resource(manifest, 'api'), 'stg', stackContext(manifest, 'stg', { AWS_REGION: 'x' })),
    );
    expect(error.code).toBe('MissingEnvValue');
    expect(error.message).toContain("'route_selection'");
    expect(error.message).toContain("'api'");
    expect(error.message).toContain("'stg'");
    expect(error.location).toMatchObject({ line: 22, resource: 'api' });
    expect(error.location.file).toMatch(/stackql_manifest\.yml$/);
    expect(error.hint).toContain('prd, dev');
  });

  it('uses value as the default for environments not under values', () => {
    const m = load(
      'resources:\n  - name: a\n    props:\n      - name: size\n        value: small\n        values:\n          prd:\n            value: big\n',
    );
    const a = resource(m, 'a');
    expect(resourceContext(m, a, 'prd', stackContext(m, 'prd', {})).size).toBe('big');
    expect(resourceContext(m, a, 'dev', stackContext(m, 'dev', {})).size).toBe('small');
  });

  it('reads vars and exports of earlier resources, bare and scoped', () => {
    const m = load(
      'resources:\n  - name: route\n    props:\n      - name: target\n        value: "integrations/{{ integration_id }}/{{ api.api_id }}/{{ vars.STAGE }}-{{ STAGE }}"\n',
    );
    const context = resourceContext(m, resource(m, 'route'), 'dev', {
      ...stackContext(m, 'dev', { STAGE: 's1' }),
      integration_id: 'i-1',
      api: { api_id: 'a-1' },
    });
    expect(context.target).toBe('integrations/i-1/a-1/s1-s1');
  });

  it('renders unknown exports as tokens at plan time', () => {
    const m = load(
      'resources:\n  - name: api\n    exports: [api_id, api_tags]\n  - name: route\n    props:\n      - name: target\n        value: "integrations/{{ api.api_id }}"\n      - name: tags\n        value: [{Key: a}]\n        merge: [api_tags]\n',
    );
    const context = resourceContext(m, resource(m, 'route'), 'dev', {
      ...stackContext(m, 'dev', {}),
      api: unknownResource('api'),
      api_tags: unknownToken('api.tags'),
    });
    expect(context.target).toBe(`integrations/${unknownToken('api.api_id')}`);
    expect(context.tags).toBe(unknownToken('api.tags'));
  });

  it('merges mappings shallowly, sources applied over the prop (as stackql-deploy)', () => {
    const m = load(
      'globals:\n  - name: defaults\n    value: {a: 1, b: 1}\nresources:\n  - name: r\n    props:\n      - name: cfg\n        value: {b: 2, c: 2}\n        merge: [defaults]\n      - name: only_merge\n        merge: [defaults, cfg]\n',
    );
    const context = resourceContext(m, resource(m, 'r'), 'dev', stackContext(m, 'dev', {}));
    expect(context.cfg).toEqual({ b: 1, c: 2, a: 1 });
    expect(context.only_merge).toEqual({ a: 1, b: 1, c: 2 });
  });

  it('merges JSON text as structures and rejects mixing lists and mappings', () => {
    const m = load(
      'globals:\n  - name: l\n    value: "[1, 2]"\n  - name: o\n    value: {k: v}\nresources:\n  - name: r\n    props:\n      - name: ok\n        value: [0, 1]\n        merge: [l]\n      - name: bad\n        value: [0]\n        merge:\n          - o\n',
    );
    const r = resource(m, 'r');
    const error = thrown(() => resourceContext(m, r, 'dev', stackContext(m, 'dev', {})));
    expect(error.code).toBe('MergeTypeMismatch');
    expect(error.location).toMatchObject({ line: 15, resource: 'r' });
    const fine = { ...m, resources: [{ ...r, props: r.props.slice(0, 1) }] };
    expect(resourceContext(fine, fine.resources[0]!, 'dev', stackContext(m, 'dev', {})).ok).toEqual([0, 1, 2]);
  });

  it('reports template errors in props at their line, naming the resource', () => {
    const error = thrown(() =>
      resourceContext(manifest, resource(manifest, 'api'), 'prd', { ...base, stack_name: undefined }),
    );
    expect(error.code).toBe('UndefinedVariable');
    expect(error.location).toMatchObject({ line: 21, resource: 'api' });
  });

  it('renders globals that mention resource_name once per resource', () => {
    const m = load(
      'globals:\n  - name: tags\n    value: [{Key: "stackql:resource-name", Value: "{{ resource_name }}"}]\n  - name: label\n    value: "{{ stack_name }}/{{ tags[0].Value }}"\nresources:\n  - name: vpc\n    props:\n      - name: vpc_tags\n        value: []\n        merge: [tags]\n  - name: subnet\n',
    );
    const stack = stackContext(m, 'dev', {});
    expect(stack.tags).toBeUndefined();
    const vpc = resourceContext(m, resource(m, 'vpc'), 'dev', stack);
    expect(vpc.vpc_tags).toEqual([{ Key: 'stackql:resource-name', Value: 'vpc' }]);
    expect(resourceContext(m, resource(m, 'subnet'), 'dev', stack)).toMatchObject({
      label: `${m.name}/subnet`,
      globals: expect.objectContaining({ label: `${m.name}/subnet` }),
    });
  });
});
