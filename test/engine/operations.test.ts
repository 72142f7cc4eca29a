/**
 * The operation graph of an apply: which nodes each change becomes and what each waits for.
 * Pure data in, pure data out.
 */
import { describe, expect, it } from 'vitest';
import { operationNodes } from '../../src/engine/operations.js';
import type { PlannedResource } from '../../src/engine/plan-context.js';
import type { ChangeAction } from '../../src/plan/types.js';
import { schemaRegistry } from '../../src/schema/index.js';

const schema = schemaRegistry().resolve('AWS::ApiGatewayV2::Api');

/** `'api:create, route<api:update'` → planned resources (`<` lists dependencies). */
function planned(spec: string): PlannedResource[] {
  return spec.split(',').map((part) => {
    const [left = '', action = 'noop'] = part.trim().split(':');
    const [name = '', deps = ''] = left.split('<');
    return {
      name,
      schema,
      region: 'us-east-1',
      dependsOn: deps ? deps.split('+') : [],
      change: {
        resource: name,
        type: schema.typeName,
        region: 'us-east-1',
        action: action as ChangeAction,
        reason: '',
        changes: [],
        dependsOn: [],
      },
    };
  });
}

function edges(spec: string): Record<string, string[]> {
  return Object.fromEntries(operationNodes(planned(spec)).map((n) => [n.id, n.dependsOn]));
}

describe('operationNodes', () => {
  it.each([
    {
      scenario: 'creates wait for the creates they depend on; no-ops make no node',
      spec: 'api:create, integration<api:create, route<integration:create, stage<api:noop',
      expected: { 'apply:api': [], 'apply:integration': ['apply:api'], 'apply:route': ['apply:integration'] },
    },
    {
      scenario: 'a dependency that is unchanged is not waited for',
      spec: 'api:noop, integration<api:update',
      expected: { 'apply:integration': [] },
    },
    {
      scenario: 'a replace is a delete then an apply; a replaced child is deleted before its replaced parent',
      spec: 'api:replace, integration<api:replace',
      expected: {
        'delete:integration': [],
        'delete:api': ['delete:integration'],
        'apply:api': ['delete:api'],
        'apply:integration': ['apply:api', 'delete:integration'],
      },
    },
    {
      scenario: 'the delete half of a replace waits for the creates and updates it depends on',
      spec: 'api:update, deployment<api:create, stage<api+deployment:replace',
      expected: {
        'delete:stage': ['apply:api', 'apply:deployment'],
        'apply:api': [],
        'apply:deployment': ['apply:api'],
        'apply:stage': ['apply:api', 'apply:deployment', 'delete:stage'],
      },
    },
    {
      scenario: 'teardown deletes children first',
      spec: 'api:delete, integration<api:delete, response<integration+api:delete',
      expected: {
        'delete:response': [],
        'delete:integration': ['delete:response'],
        'delete:api': ['delete:integration', 'delete:response'],
      },
    },
    {
      scenario: 'a removed resource is deleted after the resources that used it are updated',
      spec: 'old:delete, route<old:update',
      expected: { 'delete:old': ['apply:route'], 'apply:route': [] },
    },
  ])('$scenario', ({ spec, expected }) => {
    expect(edges(spec)).toEqual(expected);
  });

  it('lists deletes (children first) before applies (manifest order), so parallelism 1 runs them in that order', () => {
    const ids = operationNodes(planned('a:create, b<a:replace, c<b:delete')).map((n) => n.id);
    expect(ids).toEqual(['delete:c', 'delete:b', 'apply:a', 'apply:b']);
  });
});
