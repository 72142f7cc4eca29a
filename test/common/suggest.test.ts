import { describe, expect, it } from 'vitest';
import { closest, didYouMean, isObject, isPlainObject } from '../../src/common/index.js';

describe('did you mean', () => {
  it('a clear winner stands alone', () => {
    expect(closest('aws.apigatewayv2.integration', ['aws.apigatewayv2.integrations', 'aws.apigatewayv2.apis'])).toEqual(
      ['aws.apigatewayv2.integrations'],
    );
  });

  it('ignores case and duplicates, and says nothing when nothing is close', () => {
    expect(closest('REGION', ['region', 'region', 'regions'])).toEqual(['region', 'regions']);
    expect(didYouMean('zzzzzz', ['region', 'stack_env'])).toBe('');
  });

  it('words one or several candidates', () => {
    expect(didYouMean('api_nme', ['api_name', 'stack_name'])).toBe(" Did you mean 'api_name'?");
    expect(didYouMean('regon', ['region', 'regions'])).toBe(" Did you mean 'region' or 'regions'?");
  });
});

describe('guards', () => {
  it('an object is neither null nor an array; a plain object is also no class instance', () => {
    expect([isObject({}), isObject([]), isObject(null), isObject(new Date())]).toEqual([true, false, false, true]);
    expect([isPlainObject({}), isPlainObject(Object.create(null)), isPlainObject(new Date())]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
