import { describe, expect, it } from 'vitest';
import type { CreateOperation } from '../../src/query/index.js';
import { parse } from './helpers.js';

function create(sql: string, line = 1): CreateOperation {
  const op = parse(sql, line);
  if (op.kind !== 'create') throw new Error(`expected a create, got ${op.kind}`);
  return op;
}

describe('INSERT → create', () => {
  it.each(['aws', 'awscc'])('parses the %s. provider form of the StackQL docs', (provider) => {
    const op = create(`INSERT INTO ${provider}.apigatewayv2.integrations (
ApiId,
IntegrationType,
region
)
SELECT
'abc123',
'AWS_PROXY',
'us-east-1';`);
    expect(op).toEqual({
      kind: 'create',
      typeName: 'AWS::ApiGatewayV2::Integration',
      stackqlName: `${provider}.apigatewayv2.integrations`,
      region: 'us-east-1',
      desiredState: { ApiId: 'abc123', IntegrationType: 'AWS_PROXY' },
    });
  });

  it('accepts the VALUES form, lower-case keywords and no trailing semicolon', () => {
    const op = create(
      "insert into aws.apigatewayv2.apis (Name, ProtocolType, region) values ('chat', 'WEBSOCKET', 'eu-west-1')",
    );
    expect(op.typeName).toBe('AWS::ApiGatewayV2::Api');
    expect(op.region).toBe('eu-west-1');
    expect(op.desiredState).toEqual({ Name: 'chat', ProtocolType: 'WEBSOCKET' });
  });

  it('accepts the region column anywhere and keeps column order', () => {
    const op = create(
      "INSERT INTO aws.logs.log_groups (region, LogGroupName, RetentionInDays) SELECT 'us-west-2', 'g1', '14'",
    );
    expect(op.region).toBe('us-west-2');
    expect(Object.keys(op.desiredState)).toEqual(['LogGroupName', 'RetentionInDays']);
    expect(op.desiredState['RetentionInDays']).toBe(14);
  });

  it('unwraps string(…) and unescapes doubled quotes', () => {
    const op = create(
      "INSERT INTO aws.apigatewayv2.integrations (ApiId, IntegrationType, Description, region) SELECT string('abc'), 'HTTP', 'it''s mine', 'us-east-1'",
    );
    expect(op.desiredState).toEqual({ ApiId: 'abc', IntegrationType: 'HTTP', Description: "it's mine" });
  });

  it('skips -- and /* */ comments, including between values', () => {
    const op = create(`-- create the integration
INSERT INTO aws.apigatewayv2.integrations /* typed */ (
  ApiId, -- the parent
  IntegrationType,
  region
)
SELECT
  'abc', /* 'ignored', */
  'MOCK', -- it's a mock
  'us-east-1'; -- done`);
    expect(op.desiredState).toEqual({ ApiId: 'abc', IntegrationType: 'MOCK' });
  });

  it('keeps RETURNING columns', () => {
    expect(
      create("INSERT INTO aws.apigatewayv2.apis (Name, region) SELECT 'a', 'us-east-1' RETURNING *;").returning,
    ).toEqual(['*']);
    expect(
      create(
        "INSERT INTO aws.apigatewayv2.apis (Name, region) SELECT 'a', 'us-east-1' RETURNING Identifier, ProgressEvent.RequestToken",
      ).returning,
    ).toEqual(['Identifier', 'ProgressEvent.RequestToken']);
  });

  it('leaves NULL columns out of the desired state', () => {
    const op = create("INSERT INTO aws.apigatewayv2.apis (Name, Description, region) SELECT 'a', NULL, 'us-east-1'");
    expect(op.desiredState).toEqual({ Name: 'a' });
  });

  it('records the line of each property column, invisibly to equality', () => {
    const op = create(
      `INSERT INTO aws.apigatewayv2.integrations (
  ApiId,
  IntegrationType, IntegrationUri,
  region
) SELECT 'a', 'AWS_PROXY', 'arn:x', 'us-east-1'`,
      10,
    );
    expect(op.propertyLines).toEqual({ ApiId: 11, IntegrationType: 12, IntegrationUri: 12 });
    expect(Object.keys(op)).not.toContain('propertyLines');
  });

  it('keeps properties the schema does not know, with their values', () => {
    const op = create(
      "INSERT INTO aws.apigatewayv2.integrations (ApiId, IntegrationTyp, Bogus, region) SELECT 'a', 'HTTP', 42, 'us-east-1'",
    );
    expect(op.desiredState).toEqual({ ApiId: 'a', IntegrationTyp: 'HTTP', Bogus: 42 });
  });

  it('takes a real Region property as a property, and region as the region', () => {
    const op = create(
      "INSERT INTO aws.route53.record_sets (Name, Type, Region, SetIdentifier, region) SELECT 'a.example.com.', 'A', 'eu-west-1', 'eu', 'us-east-1'",
    );
    expect(op.typeName).toBe('AWS::Route53::RecordSet');
    expect(op.region).toBe('us-east-1');
    expect(op.desiredState['Region']).toBe('eu-west-1');
  });

  it('accepts double-quoted column names', () => {
    const op = create(`INSERT INTO aws.sqs.queues ("QueueName", region) SELECT 'q', 'us-east-1'`);
    expect(op).toMatchObject({ typeName: 'AWS::SQS::Queue', desiredState: { QueueName: 'q' } });
  });
});
