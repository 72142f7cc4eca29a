/** What is worked out per object (a type's schema, a resource) is worked out once per object. */
import { describe, expect, it } from 'vitest';
import { perObject } from '../../src/common/index.js';
import { schemaRegistry } from '../../src/schema/index.js';

describe('perObject', () => {
  it('computes once per schema, apart for each schema', () => {
    const registry = schemaRegistry();
    const api = registry.find('AWS::ApiGatewayV2::Api');
    const stage = registry.find('AWS::ApiGatewayV2::Stage');
    if (!api || !stage) throw new Error('the bundled registry lacks the ApiGatewayV2 types');
    const seen: string[] = [];
    const nameOf = perObject((schema: typeof api) => {
      seen.push(schema.typeName);
      return schema.typeName;
    });
    expect([nameOf(api), nameOf(stage), nameOf(api), nameOf(stage)]).toEqual([
      'AWS::ApiGatewayV2::Api',
      'AWS::ApiGatewayV2::Stage',
      'AWS::ApiGatewayV2::Api',
      'AWS::ApiGatewayV2::Stage',
    ]);
    expect(seen).toEqual(['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage']);
  });

  it('keys on the first argument only, remembers an undefined answer, and keeps nothing from a throw', () => {
    let calls = 0;
    const resource = { name: 'api' };
    const labelled = perObject((key: { name: string }, suffix: string) => {
      calls += 1;
      return `${key.name}-${suffix}`;
    });
    expect(labelled(resource, 'a')).toBe('api-a');
    expect(labelled(resource, 'b')).toBe('api-a'); // the rest follows from the key
    const nothing = perObject((_key: object): undefined => {
      calls += 1;
      return undefined;
    });
    nothing(resource);
    nothing(resource);
    expect(calls).toBe(2);
    let fail = true;
    const flaky = perObject((key: { name: string }) => {
      if (fail) throw new Error('not yet');
      return key.name;
    });
    expect(() => flaky(resource)).toThrow('not yet');
    fail = false;
    expect(flaky(resource)).toBe('api');
  });
});
