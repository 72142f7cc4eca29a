import { describe, expect, it } from 'vitest';
import { expandTemplate, templateReferences, type TemplateScope } from '../../src/emulator/value-template.js';

const scope = (model: Record<string, unknown> = {}, region = 'eu-west-1'): TemplateScope => ({
  region,
  account: '123456789012',
  property: (name) => model[name],
});

describe('value templates', () => {
  it('fills builtins and properties, and keeps `$$` as a literal `$`', () => {
    expect(expandTemplate('arn:${Partition}:sns:${Region}:${Account}:${TopicName}', scope({ TopicName: 't' }))).toBe(
      'arn:aws:sns:eu-west-1:123456789012:t',
    );
    expect(expandTemplate('arn:${Partition}:x', scope({}, 'us-gov-west-1'))).toBe('arn:aws-us-gov:x');
    expect(expandTemplate('$${version} $$request.body', scope())).toBe('${version} $request.body');
  });

  it('draws generators in the shape asked', () => {
    expect(expandTemplate('vpc-0${hex:16}', scope())).toMatch(/^vpc-0[0-9a-f]{16}$/);
    expect(expandTemplate('${alnum:10}', scope())).toMatch(/^[a-z0-9]{10}$/);
    expect(expandTemplate('${ALNUM:5}${Alnum:3}${digits:2}', scope())).toMatch(/^[A-Z0-9]{5}[A-Za-z0-9]{3}[0-9]{2}$/);
    expect(expandTemplate('${uuid}', scope())).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(expandTemplate('${ipv4}', scope())).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
    expect(expandTemplate('${time:sZ}', scope())).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(expandTemplate('${time:ms}', scope())).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
  });

  it('expands inside objects and arrays, and gives up when a property is missing', () => {
    expect(
      expandTemplate({ LogGroup: '/aws/lambda/${FunctionName}', Size: 512 }, scope({ FunctionName: 'f' })),
    ).toEqual({
      LogGroup: '/aws/lambda/f',
      Size: 512,
    });
    expect(expandTemplate(['${Missing}'], scope())).toBeUndefined();
    expect(templateReferences({ a: ['${A}-${hex:4}-${Region}-${uuid}'], b: '$${B}' })).toEqual(['A']);
  });
});
