import { UpdateResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import type { PropertySchema } from '../../src/schema/index.js';
import { create, properties, registryWith, settle, setup } from './helpers.js';

describe('reads fill in the defaults the service fills in, for properties the user did not send', () => {
  it('fills what recorded reads show, and only what the user left out', async () => {
    const { client } = await setup();
    const ws = await create(client, 'AWS::ApiGatewayV2::Api', {
      Name: 'ws',
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
      IpAddressType: 'dualstack',
    });
    expect(await properties(client, 'AWS::ApiGatewayV2::Api', ws.Identifier as string)).toMatchObject({
      RouteSelectionExpression: '$request.body.action',
      IpAddressType: 'dualstack',
      DisableExecuteApiEndpoint: false,
      ApiKeySelectionExpression: '$request.header.x-api-key',
    });
  });

  it('fills some only when another property says so (a WebSocket API, a FIFO queue)', async () => {
    const { client } = await setup();
    const http = await create(client, 'AWS::ApiGatewayV2::Api', { Name: 'h', ProtocolType: 'HTTP' });
    const api = await properties(client, 'AWS::ApiGatewayV2::Api', http.Identifier as string);
    expect(api['RouteSelectionExpression']).toBe('$request.method $request.path');
    expect(api).not.toHaveProperty('ApiKeySelectionExpression');

    const fifo = await create(client, 'AWS::SQS::Queue', { QueueName: 'jobs.fifo', FifoQueue: true });
    expect(await properties(client, 'AWS::SQS::Queue', fifo.Identifier as string)).toMatchObject({
      DeduplicationScope: 'queue',
      FifoThroughputLimit: 'perQueue',
      VisibilityTimeout: 30,
      MessageRetentionPeriod: 345600,
    });
    const standard = await create(client, 'AWS::SQS::Queue', { QueueName: 'jobs' });
    expect(await properties(client, 'AWS::SQS::Queue', standard.Identifier as string)).not.toHaveProperty(
      'DeduplicationScope',
    );
  });

  it('builds a default from other values: a function logs to /aws/lambda/<its name>', async () => {
    const { client } = await setup();
    const fn = await create(client, 'AWS::Lambda::Function', {
      Role: 'arn:aws:iam::123456789012:role/r',
      Code: { ZipFile: 'exports.handler = async () => 1;' },
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
    });
    const props = await properties(client, 'AWS::Lambda::Function', fn.Identifier as string);
    expect(props).toMatchObject({
      FunctionName: fn.Identifier,
      MemorySize: 128,
      Timeout: 3,
      Architectures: ['x86_64'],
      TracingConfig: { Mode: 'PassThrough' },
      LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${String(fn.Identifier)}` },
    });
  });

  it('fills a nested default inside an object the user sent, never creating the object', async () => {
    const { client } = await setup();
    const table = {
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    };
    const withPitr = await create(client, 'AWS::DynamoDB::Table', {
      ...table,
      TableName: 'a',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(
      (await properties(client, 'AWS::DynamoDB::Table', withPitr.Identifier as string))[
        'PointInTimeRecoverySpecification'
      ],
    ).toEqual({ PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 });
    const without = await create(client, 'AWS::DynamoDB::Table', { ...table, TableName: 'b' });
    const props = await properties(client, 'AWS::DynamoDB::Table', without.Identifier as string);
    expect(props).not.toHaveProperty('PointInTimeRecoverySpecification');
    expect(props).toMatchObject({ BillingMode: 'PAY_PER_REQUEST', DeletionProtectionEnabled: false });
  });

  it("applies the registry's defaults, top level and inside objects the user sent, but never to write-only properties", async () => {
    const TYPE = 'AWS::ApiGatewayV2::Integration';
    const registry = registryWith(TYPE, (schema) => {
      const tls = Object.values(schema.definitions).find((d) => d.name === 'TlsConfig');
      const set = (property: PropertySchema | undefined, value: unknown): void => {
        if (!property) throw new Error('the Integration schema changed: pick other properties');
        property.default = value;
      };
      set(tls?.properties['ServerNameToVerify'], 'example.com');
      set(schema.properties['Description'], 'from the registry');
      set(schema.properties['CredentialsArn'], 'arn:aws:iam::123456789012:role/x');
      return { ...schema, writeOnly: [...schema.writeOnly, 'CredentialsArn'] };
    });
    const { client } = await setup({ registry });
    const api = await create(client, 'AWS::ApiGatewayV2::Api', { Name: 'h', ProtocolType: 'HTTP' });
    const integration = await create(client, TYPE, {
      ApiId: api.Identifier,
      IntegrationType: 'HTTP_PROXY',
      IntegrationMethod: 'GET',
      IntegrationUri: 'https://example.com',
      TlsConfig: {},
    });
    const props = await properties(client, TYPE, integration.Identifier as string);
    expect(props).toMatchObject({ Description: 'from the registry', TlsConfig: { ServerNameToVerify: 'example.com' } });
    expect(props).not.toHaveProperty('CredentialsArn');
  });

  it('reads a default again after an update removed the property', async () => {
    const { client } = await setup();
    const queue = await create(client, 'AWS::SQS::Queue', { QueueName: 'q', VisibilityTimeout: 60 });
    const id = queue.Identifier as string;
    expect((await properties(client, 'AWS::SQS::Queue', id))['VisibilityTimeout']).toBe(60);
    const { ProgressEvent: update } = await client.send(
      new UpdateResourceCommand({
        TypeName: 'AWS::SQS::Queue',
        Identifier: id,
        PatchDocument: '[{"op":"remove","path":"/VisibilityTimeout"}]',
      }),
    );
    expect((await settle(client, update?.RequestToken as string)).OperationStatus).toBe('SUCCESS');
    expect((await properties(client, 'AWS::SQS::Queue', id))['VisibilityTimeout']).toBe(30);
  });
});
