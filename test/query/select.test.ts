import { describe, expect, it } from 'vitest';
import { parse, parseError } from './helpers.js';

describe('SELECT → select', () => {
  it.each([
    ['aws', 'data__Identifier'],
    ['awscc', 'Identifier'],
  ])('a get through %s. with %s', (provider, idColumn) => {
    const op = parse(`SELECT
region,
api_id,
integration_id,
timeout_in_millis
FROM ${provider}.apigatewayv2.integrations
WHERE region = 'us-east-1' AND ${idColumn} = 'abc123|int456';`);
    expect(op).toEqual({
      kind: 'select',
      typeName: 'AWS::ApiGatewayV2::Integration',
      stackqlName: `${provider}.apigatewayv2.integrations`,
      region: 'us-east-1',
      identifier: 'abc123|int456',
      columns: ['region', 'api_id', 'integration_id', 'timeout_in_millis'],
      aliases: {},
      filters: {},
    });
  });

  it('a list without identifier, with filters on other columns', () => {
    const op = parse(
      "select * from aws.apigatewayv2.integrations where region = 'us-east-1' and api_id = 'abc123' and timeout_in_millis = 30000 and ApiKeyRequired = true",
    );
    expect(op).toMatchObject({
      kind: 'select',
      columns: ['*'],
      filters: { api_id: 'abc123', timeout_in_millis: '30000', api_key_required: 'true' },
    });
    expect(op.kind === 'select' && 'identifier' in op).toBe(false);
  });

  it('keeps aliases, count(*) and function columns as text', () => {
    const op =
      parse(`SELECT count(*) as count, api_id AS id, integration_id integration, JSON_EXTRACT(Properties, '$.Tags') tags
FROM aws.apigatewayv2.integrations WHERE data__Identifier = 'a|b' AND region = 'us-east-1'`);
    expect(op).toMatchObject({
      columns: ['count(*)', 'api_id', 'integration_id', "JSON_EXTRACT(Properties, '$.Tags')"],
      aliases: {
        'count(*)': 'count',
        api_id: 'id',
        integration_id: 'integration',
        "JSON_EXTRACT(Properties, '$.Tags')": 'tags',
      },
    });
  });

  it('resolves the 2025 *_list_only views and a table alias', () => {
    const op = parse("SELECT i.api_id FROM aws.apigatewayv2.integrations_list_only i WHERE region = 'us-east-1'");
    expect(op).toMatchObject({
      typeName: 'AWS::ApiGatewayV2::Integration',
      stackqlName: 'aws.apigatewayv2.integrations_list_only',
      columns: ['i.api_id'],
    });
  });

  it('works for other services', () => {
    expect(
      parse("SELECT vpc_id FROM aws.ec2.vpcs WHERE region = 'ap-southeast-2' AND data__Identifier = 'vpc-1'"),
    ).toMatchObject({
      typeName: 'AWS::EC2::VPC',
      identifier: 'vpc-1',
    });
    expect(
      parse("SELECT arn FROM awscc.s3.buckets WHERE Identifier = 'my-bucket' AND region = 'us-east-1'"),
    ).toMatchObject({
      typeName: 'AWS::S3::Bucket',
    });
  });

  it('takes lower-case identifier as a filter for types with an Identifier property', () => {
    const server =
      "SELECT name FROM awscc.cognito.user_pool_resource_servers WHERE region = 'r' AND identifier = 'abc'";
    expect(parse(server)).toMatchObject({
      typeName: 'AWS::Cognito::UserPoolResourceServer',
      filters: { identifier: 'abc' },
    });
    expect(parse(server.replace('identifier', 'Identifier'))).toMatchObject({ identifier: 'abc', filters: {} });
    // Where Identifier is the whole primary identifier, the two are the same thing.
    expect(parse("SELECT arn FROM awscc.dsql.clusters WHERE region = 'r' AND identifier = 'c1'")).toMatchObject({
      identifier: 'c1',
    });
    expect(parse("SELECT * FROM aws.sqs.queues WHERE region = 'r' AND identifier = 'q'")).toMatchObject({
      identifier: 'q',
    });
  });

  it('requires a region', () => {
    const error = parseError("SELECT * FROM aws.apigatewayv2.apis\nWHERE data__Identifier = 'abc'", 7);
    expect(error.code).toBe('MissingRegion');
    expect(error.location.line).toBe(8);
  });

  it('rejects sub-queries, OR and non-equality conditions with the line', () => {
    expect(
      parseError("SELECT count(*) FROM (SELECT * FROM aws.apigatewayv2.apis WHERE region = 'us-east-1') t").message,
    ).toContain('sub-queries');
    const or = parseError("SELECT * FROM aws.apigatewayv2.apis\nWHERE region = 'us-east-1'\nOR name = 'x'");
    expect(or.code).toBe('UnsupportedStatement');
    expect(or.location.line).toBe(3);
    const like = parseError("SELECT * FROM aws.apigatewayv2.apis WHERE region = 'us-east-1' AND name LIKE 'x%'");
    expect(like.message).toContain("expected '=' after name");
  });

  it('rejects a region compared twice', () => {
    expect(parseError("SELECT * FROM aws.apigatewayv2.apis WHERE region = 'a' AND region = 'b'").code).toBe(
      'DuplicateCondition',
    );
  });
});
