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
    base: templateBase(stack, states, r),
  });
  expect(rendered.problems).toEqual([]);
  return rendered.create?.desiredState['Name'];
}

describe('templateBase', () => {
  it('gives a name several resources export the value of the last one in the manifest', () => {
    const both = new Map([
      ['api', { ApiId: 'one' }],
      ['other_api', { ApiId: 'two' }],
    ]);
    expect(nameOf('reader', both)).toBe('two-one');
  });

  it('keeps the earlier value when the later resource is known without that column', () => {
    const states = new Map([
      ['api', { ApiId: 'one' }],
      ['other_api', { Name: 'b' }],
    ]);
    expect(nameOf('reader', states)).toBe('one-one');
  });

  it('renders unknown placeholders for resources not known yet', () => {
    expect(nameOf('reader', new Map([['api', { ApiId: 'one' }]]))).toBe('«unknown:other_api.api_id»-one');
  });

  it('reads from the stack a name the template binds only on a path it does not take', () => {
    expect(nameOf('branch', new Map([['other_api', { ApiId: 'two' }]]))).toBe('two');
  });

  it('holds only what the resource reads', () => {
    const base = templateBase(stack, new Map(), named('reader'));
    expect(Object.keys(base)).toEqual(expect.arrayContaining(['region', 'api_id', 'api']));
    expect(Object.keys(base)).not.toContain('unrelated');
    expect(Object.keys(base)).not.toContain('unrelated_id');
  });

  it('still suggests the names of every resource for a misspelt one', () => {
    const r = named('typo');
    const { rendered } = renderTyped({
      stack,
      resource: r,
      registry: schemaRegistry(),
      base: templateBase(stack, new Map(), r),
    });
    expect(rendered.problems[0]?.code).toBe('UndefinedVariable');
    expect(rendered.problems[0]?.hint).toContain("Did you mean 'api_id'?");
  });
});
