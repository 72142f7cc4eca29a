import { describe, expect, it } from 'vitest';
import { unknownToken } from '../../src/template/unknown.js';
import { parse, parseError } from './helpers.js';

/** The desired state of a one-property INSERT into `table`. */
function state(table: string, columns: string, values: string): Record<string, unknown> {
  const op = parse(`INSERT INTO ${table} (${columns}, region) SELECT ${values}, 'us-east-1'`);
  if (op.kind !== 'create') throw new Error('expected a create');
  return op.desiredState;
}

const INTEGRATIONS = 'aws.apigatewayv2.integrations';

describe('value coercion by schema type', () => {
  it('integer: quoted or bare digits become numbers', () => {
    expect(state(INTEGRATIONS, 'TimeoutInMillis', "'30000'")).toEqual({ TimeoutInMillis: 30000 });
    expect(state(INTEGRATIONS, 'TimeoutInMillis', '29000')).toEqual({ TimeoutInMillis: 29000 });
    expect(state('aws.lambda.functions', 'MemorySize, Timeout', "'512', -1")).toEqual({ MemorySize: 512, Timeout: -1 });
  });

  it('number: decimals become numbers', () => {
    expect(state('aws.cloudwatch.alarms', 'Threshold', "'1.5'")).toEqual({ Threshold: 1.5 });
    expect(state('aws.cloudwatch.alarms', 'Threshold', '2.25')).toEqual({ Threshold: 2.25 });
  });

  it("boolean: 'true', true, 'false' and Python's 'True'", () => {
    const route = 'aws.apigatewayv2.routes';
    expect(state(route, 'ApiKeyRequired', "'true'")).toEqual({ ApiKeyRequired: true });
    expect(state(route, 'ApiKeyRequired', 'true')).toEqual({ ApiKeyRequired: true });
    expect(state(route, 'ApiKeyRequired', "'false'")).toEqual({ ApiKeyRequired: false });
    expect(state(route, 'ApiKeyRequired', "'True'")).toEqual({ ApiKeyRequired: true });
    expect(state(route, 'ApiKeyRequired', 'FALSE')).toEqual({ ApiKeyRequired: false });
  });

  it('object (ref): JSON text becomes the object', () => {
    expect(state(INTEGRATIONS, 'TlsConfig', `'{"ServerNameToVerify": "api.example.com"}'`)).toEqual({
      TlsConfig: { ServerNameToVerify: 'api.example.com' },
    });
  });

  it('map: JSON text becomes the map', () => {
    expect(state(INTEGRATIONS, 'RequestTemplates', `'{"application/json": "{\\"a\\": 1}"}'`)).toEqual({
      RequestTemplates: { 'application/json': '{"a": 1}' },
    });
  });

  it('array: JSON text becomes the array', () => {
    expect(state('aws.apigatewayv2.routes', 'AuthorizationScopes', `'["read", "write"]'`)).toEqual({
      AuthorizationScopes: ['read', 'write'],
    });
    expect(state('aws.lambda.functions', 'Tags', `'[{"Key": "env", "Value": "dev"}]'`)).toEqual({
      Tags: [{ Key: 'env', Value: 'dev' }],
    });
  });

  it('json: free-form JSON text becomes its value', () => {
    expect(state('aws.apigatewayv2.stages', 'StageVariables', `'{"stage": "dev"}'`)).toEqual({
      StageVariables: { stage: 'dev' },
    });
  });

  it('union string|json: a JSON policy document becomes an object, plain text stays text', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    };
    expect(state('aws.iam.roles', 'AssumeRolePolicyDocument', `'${JSON.stringify(doc)}'`)).toEqual({
      AssumeRolePolicyDocument: doc,
    });
    expect(state('aws.iam.roles', 'AssumeRolePolicyDocument', "'not json'")).toEqual({
      AssumeRolePolicyDocument: 'not json',
    });
  });

  it('multi-line JSON with escaped quotes', () => {
    const sql = `INSERT INTO aws.apigatewayv2.integrations (ApiId, IntegrationType, RequestParameters, region)
SELECT 'a', 'HTTP', '{
  "integration.request.header.x": "it''s"
}', 'us-east-1'`;
    const op = parse(sql);
    expect(op.kind === 'create' && op.desiredState['RequestParameters']).toEqual({
      'integration.request.header.x': "it's",
    });
  });

  it('strings stay strings, bare numbers for string properties become text', () => {
    expect(state(INTEGRATIONS, 'PayloadFormatVersion', "'2.0'")).toEqual({ PayloadFormatVersion: '2.0' });
    expect(state(INTEGRATIONS, 'PayloadFormatVersion', '1.0')).toEqual({ PayloadFormatVersion: '1.0' });
  });

  it('keeps unknown tokens as strings, for scalars and JSON properties alike', () => {
    const apiId = unknownToken('api.api_id');
    const timeout = unknownToken('settings.timeout');
    expect(state(INTEGRATIONS, 'ApiId, TimeoutInMillis', `'${apiId}', '${timeout}'`)).toEqual({
      ApiId: apiId,
      TimeoutInMillis: timeout,
    });
    // Rendered outside quotes (a template value written bare) it is still the token.
    expect(state(INTEGRATIONS, 'TimeoutInMillis', timeout)).toEqual({ TimeoutInMillis: timeout });
    const json = `{"ServerNameToVerify": "${unknownToken('api.api_endpoint')}"}`;
    expect(state(INTEGRATIONS, 'TlsConfig', `'${json}'`)).toEqual({ TlsConfig: json });
    const bare = `{"Items": ${unknownToken('x.list')}}`;
    expect(state(INTEGRATIONS, 'RequestParameters', `'${bare}'`)).toEqual({ RequestParameters: bare });
  });

  it('rejects values that do not fit the type, at the value line', () => {
    const error = parseError(`INSERT INTO aws.apigatewayv2.integrations (ApiId, TimeoutInMillis, region)
SELECT 'a',
'thirty', 'us-east-1'`);
    expect(error.code).toBe('InvalidValue');
    expect(error.message).toBe("TimeoutInMillis expects an integer but got 'thirty'");
    expect(error.location.line).toBe(3);
    expect(parseError(`INSERT INTO ${INTEGRATIONS} (TimeoutInMillis, region) SELECT '1.5', 'us-east-1'`).code).toBe(
      'InvalidValue',
    );
    expect(
      parseError(`INSERT INTO aws.apigatewayv2.routes (ApiKeyRequired, region) SELECT 'yes', 'us-east-1'`).code,
    ).toBe('InvalidValue');
    expect(
      parseError(`INSERT INTO aws.apigatewayv2.routes (AuthorizationScopes, region) SELECT '{"a": 1}', 'us-east-1'`)
        .message,
    ).toBe(`AuthorizationScopes expects a JSON array but got '{"a": 1}'`);
    expect(parseError(`INSERT INTO ${INTEGRATIONS} (TlsConfig, region) SELECT 5, 'us-east-1'`).code).toBe(
      'InvalidValue',
    );
  });
});
