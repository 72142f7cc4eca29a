/**
 * The context a resource's templates start from holds only the names they read, yet renders
 * exactly what the whole stack's names would: last definer wins, unknowns stay unknown, names
 * bound on a path not taken come from the stack, and hints still know every name.
 */
import { describe, expect, it } from 'vitest';
import { schemaRegistry } from '../../src/schema/index.js';
import { loadStack, renderTyped, templateBase, type Stack, type StackResource } from '../../src/stack/index.js';
import { writeStack } from '../manifest/stack-fixture.js';

const API = `/*+ create */
INSERT INTO aws.apigatewayv2.apis (Name, ProtocolType, RouteSelectionExpression, region)
SELECT '{{ api_name }}', 'WEBSOCKET', '$request.body.action', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.apis WHERE data__Identifier = '{{ api_id }}' AND region = '{{ region }}';
`;

function user(name: string): string {
  return `/*+ create */
INSERT INTO aws.apigatewayv2.apis (Name, ProtocolType, RouteSelectionExpression, region)
SELECT '${name}', 'WEBSOCKET', '$request.body.action', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.apis WHERE data__Identifier = 'x' AND region = '{{ region }}';
`;
}

const MANIFEST = `name: t
globals:
  - name: region
    value: us-east-1
resources:
  - name: api
    file: api.iql
    props: [{ name: api_name, value: a }]
    exports: [api_id]
  - name: unrelated
    file: api.iql
    props: [{ name: api_name, value: u }]
    exports: [unrelated_id]
  - name: other_api
    file: api.iql
    props: [{ name: api_name, value: b }]
    exports: [api_id]
  - name: reader
    file: reader.iql
  - name: branch
    file: branch.iql
  - name: typo
    file: typo.iql
`;

function load(): Stack {
  const dir = writeStack(MANIFEST, {
    'resources/api.iql': API,
    'resources/reader.iql': user('{{ api_id }}-{{ api.api_id }}'),
    'resources/branch.iql': user("{% if false %}{% set api_id = 'mine' %}{% endif %}{{ api_id }}"),
    'resources/typo.iql': user('{{ api_idd }}'),
  });
  return loadStack({ stackDir: dir, env: 'dev', processEnv: {}, assignments: [], cwd: process.cwd() });
}

const stack = load();
const named = (name: string): StackResource => stack.resources.find((r) => r.def.name === name) as StackResource;

function nameOf(resource: string, states: Map<string, Record<string, unknown>>): unknown {
  const r = named(resource);
  const { rendered } = renderTyped({
    stack,
    resource: r,
    registry: schemaRegistry(),
    known: states,
  });
  expect(rendered.problems).toEqual([]);
  return rendered.create?.desiredState['Name'];
}

describe('templateBase', () => {
  it('gives a name several resources export the value of the last one in the manifest', () => {
    const both = new Map([
      ['api', { api_id: 'one' }],
      ['other_api', { api_id: 'two' }],
    ]);
    expect(nameOf('reader', both)).toBe('two-one');
  });

  it('leaves the value unknown while the later resource is known without that column (its exports query has not answered)', () => {
    const states = new Map([
      ['api', { api_id: 'one' }],
      ['other_api', { name: 'b' }],
    ]);
    expect(nameOf('reader', states)).toBe('«unknown:other_api.api_id»-one');
  });

  it('renders unknown placeholders for resources not known yet', () => {
    expect(nameOf('reader', new Map([['api', { api_id: 'one' }]]))).toBe('«unknown:other_api.api_id»-one');
  });

  it('reads from the stack a name the template binds only on a path it does not take', () => {
    expect(nameOf('branch', new Map([['other_api', { api_id: 'two' }]]))).toBe('two');
  });

  it('reads an aliased export from its column, or from the export that column names as its alias', () => {
    const dir = writeStack(
      `name: t\nresources:\n  - name: api\n    file: api.iql\n    props: [{ name: api_name, value: a }, { name: region, value: us-east-1 }]\n    exports:\n      - api_id: first_id\n      - ApiId: api_id\n  - name: reader\n    file: r.iql\n    props: [{ name: region, value: us-east-1 }]\n`,
      { 'resources/api.iql': API, 'resources/r.iql': user('{{ first_id }}') },
    );
    const loaded = loadStack({ stackDir: dir, env: 'dev', processEnv: {}, assignments: [], cwd: process.cwd() });
    const reader = loaded.resources[1] as StackResource;
    const name = (state: Record<string, unknown>): unknown =>
      renderTyped({ stack: loaded, resource: reader, registry: schemaRegistry(), known: new Map([['api', state]]) })
        .rendered.create?.desiredState['Name'];
    expect(name({ api_id: 'one', ApiId: 'two' })).toBe('one');
    expect(name({ ApiId: 'two' })).toBe('two');
    expect(name({ Name: 'a' })).toBe('«unknown:api.api_id»');
  });

  it('holds only what the resource reads', () => {
    const base = templateBase(stack, new Map(), named('reader'));
    expect(Object.keys(base)).toEqual(expect.arrayContaining(['region', 'api_id', 'api']));
    expect(Object.keys(base)).not.toContain('unrelated');
    expect(Object.keys(base)).not.toContain('unrelated_id');
  });

  it('copies in only the environment variables the templates read, and still hints the others', () => {
    const processEnv: Record<string, string> = { DEPLOY_SUFFIX: 'x' };
    for (let i = 0; i < 200; i++) processEnv[`NOISE_${i}`] = 'n';
    const dir = writeStack(
      `name: t\nglobals:\n  - name: region\n    value: us-east-1\nresources:\n  - name: env_reader\n    file: e.iql\n  - name: env_typo\n    file: t.iql\n`,
      { 'resources/e.iql': user('api-{{ DEPLOY_SUFFIX }}'), 'resources/t.iql': user('api-{{ DEPLOY_SUFIX }}') },
    );
    const loaded = loadStack({ stackDir: dir, env: 'dev', processEnv, assignments: [], cwd: process.cwd() });
    const [reader, typo] = loaded.resources as [StackResource, StackResource];
    expect(Object.keys(templateBase(loaded, new Map(), reader)).filter((k) => !k.startsWith('__'))).toEqual([
      'DEPLOY_SUFFIX',
      'region',
    ]);
    const render = (r: StackResource) =>
      renderTyped({ stack: loaded, resource: r, registry: schemaRegistry(), known: new Map() });
    expect(render(reader).rendered.create?.desiredState['Name']).toBe('api-x');
    expect(render(typo).rendered.problems[0]?.hint).toContain("Did you mean 'DEPLOY_SUFFIX'?");
  });

  it('still suggests the names of every resource for a misspelt one', () => {
    const r = named('typo');
    const { rendered } = renderTyped({
      stack,
      resource: r,
      registry: schemaRegistry(),
      known: new Map(),
    });
    expect(rendered.problems[0]?.code).toBe('UndefinedVariable');
    expect(rendered.problems[0]?.hint).toContain("Did you mean 'api_id'?");
  });
});
