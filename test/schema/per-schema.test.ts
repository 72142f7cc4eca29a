/** What is worked out per schema is worked out once per schema object. */
import { describe, expect, it } from 'vitest';
import { perSchema, schemaRegistry } from '../../src/schema/index.js';

describe('perSchema', () => {
  it('computes once per schema, apart for each schema', () => {
    const registry = schemaRegistry();
    const api = registry.find('AWS::ApiGatewayV2::Api');
    const stage = registry.find('AWS::ApiGatewayV2::Stage');
    if (!api || !stage) throw new Error('the bundled registry lacks the ApiGatewayV2 types');
    const seen: string[] = [];
    const nameOf = perSchema((schema) => {
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
});
