import {
  CreateResourceCommand,
  InvalidRequestException,
  TypeNotFoundException,
  UnsupportedActionException,
} from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { API, create, createApi, INTEGRATION, properties, rejection, setup, STAGE } from './helpers.js';

async function createError(typeName: string, desired: unknown): Promise<Error> {
  const { client } = await setup();
  return rejection(
    client.send(new CreateResourceCommand({ TypeName: typeName, DesiredState: JSON.stringify(desired) })),
  );
}

describe('DesiredState validation: ValidationException, in the words of AWS', () => {
  it('rejects an unknown property, naming it', async () => {
    const error = await createError(API, { Name: 'a', Colour: 'blue' });
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain('extraneous key [Colour]');
  });

  it('rejects a missing required property, naming it', async () => {
    const error = await createError(INTEGRATION, { ApiId: 'abc1234' });
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain('required key [IntegrationType] not found');
  });

  it('rejects a read-only property, naming it', async () => {
    const error = await createError(API, { Name: 'a', ApiId: 'abc1234' });
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain('read-only property [ApiId]');
  });

  it.each([
    ['string', API, { Name: 5 }, '#/Name: expected type: String, found: Integer'],
    [
      'integer',
      INTEGRATION,
      { ApiId: 'a', IntegrationType: 'MOCK', TimeoutInMillis: '29000' },
      '#/TimeoutInMillis: expected type: Integer, found: String',
    ],
    [
      'integer (fraction)',
      INTEGRATION,
      { ApiId: 'a', IntegrationType: 'MOCK', TimeoutInMillis: 1.5 },
      '#/TimeoutInMillis: expected type: Integer',
    ],
    [
      'number',
      STAGE,
      { ApiId: 'a', StageName: 's', DefaultRouteSettings: { ThrottlingRateLimit: 'fast' } },
      '#/DefaultRouteSettings/ThrottlingRateLimit: expected type: Number',
    ],
    [
      'boolean',
      API,
      { DisableExecuteApiEndpoint: 'yes' },
      '#/DisableExecuteApiEndpoint: expected type: Boolean, found: String',
    ],
    [
      'array',
      API,
      { CorsConfiguration: { AllowOrigins: '*' } },
      '#/CorsConfiguration/AllowOrigins: expected type: JSONArray, found: String',
    ],
    [
      'array element',
      API,
      { CorsConfiguration: { AllowOrigins: ['*', 3] } },
      '#/CorsConfiguration/AllowOrigins/1: expected type: String',
    ],
    ['map', API, { Tags: ['a'] }, '#/Tags: expected type: JSONObject, found: JSONArray'],
    ['map value', API, { Tags: { team: 1 } }, '#/Tags/team: expected type: String, found: Integer'],
    [
      'object (ref)',
      INTEGRATION,
      { ApiId: 'a', IntegrationType: 'MOCK', TlsConfig: 'x' },
      '#/TlsConfig: expected type: JSONObject, found: String',
    ],
    [
      'object (ref) key',
      INTEGRATION,
      { ApiId: 'a', IntegrationType: 'MOCK', TlsConfig: { Bogus: 1 } },
      '#/TlsConfig: extraneous key [Bogus]',
    ],
    ['json', API, { Body: 42 }, '#/Body: expected type: JSONObject, found: Integer'],
    ['null', API, { Name: null }, '#/Name: expected type: String, found: Null'],
  ])('rejects a wrong %s', async (_kind, typeName, desired, message) => {
    const error = await createError(typeName, desired);
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain(message);
  });

  it('rejects DesiredState that is not a JSON object (ValidationException) or not JSON (InvalidRequestException)', async () => {
    const { client } = await setup();
    const error = await rejection(client.send(new CreateResourceCommand({ TypeName: API, DesiredState: '[1]' })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe('Model validation failed (#: expected type: JSONObject, found: JSONArray)');
    const garbled = await rejection(client.send(new CreateResourceCommand({ TypeName: API, DesiredState: '{' })));
    expect(garbled).toBeInstanceOf(InvalidRequestException);
  });

  it('answers an unknown type with TypeNotFoundException', async () => {
    const error = await createError('AWS::Nope::Thing', {});
    expect(error).toBeInstanceOf(TypeNotFoundException);
    expect(error.message).toContain('AWS::Nope::Thing');
  });

  it('answers a type without the handler with UnsupportedActionException', async () => {
    // A legacy type: in the registry, but with no handlers Cloud Control could call.
    const error = await createError('AWS::CertificateManager::Certificate', { DomainName: 'example.com' });
    expect(error).toBeInstanceOf(UnsupportedActionException);
    expect(error.message).toContain('does not support CREATE');
  });

  it('takes type names exactly, suggesting the right spelling', async () => {
    const error = await createError('AWS::ApiGatewayV2::API', {});
    expect(error).toBeInstanceOf(TypeNotFoundException);
    expect(error.message).toContain("Did you mean 'AWS::ApiGatewayV2::Api'?");
  });
});

describe('generated attributes', () => {
  it('gives an Api an API Gateway style id and endpoint (its schema has no ExecuteApiArn)', async () => {
    const { client } = await setup({}, { region: 'eu-central-1' });
    const websocket = await createApi(client);
    expect(websocket).toMatch(/^[a-z0-9]{10}$/);
    expect(await properties(client, API, websocket)).toEqual({
      Name: 'demo',
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
      ApiId: websocket,
      ApiEndpoint: `wss://${websocket}.execute-api.eu-central-1.amazonaws.com`,
      // Defaults the service fills in (see defaults.test.ts).
      ApiKeySelectionExpression: '$request.header.x-api-key',
      DisableExecuteApiEndpoint: false,
      IpAddressType: 'ipv4',
    });
    const http = await createApi(client, { Name: 'h', ProtocolType: 'HTTP' });
    expect((await properties(client, API, http))['ApiEndpoint']).toBe(
      `https://${http}.execute-api.eu-central-1.amazonaws.com`,
    );
  });

  it('joins a compound identifier in primaryIdentifier order', async () => {
    const { client } = await setup();
    const apiId = await createApi(client);
    const event = await create(client, INTEGRATION, { ApiId: apiId, IntegrationType: 'MOCK' });
    const props = await properties(client, INTEGRATION, event.Identifier as string);
    expect(props['IntegrationId']).toMatch(/^[a-z0-9]{7}$/);
    expect(event.Identifier).toBe(`${apiId}|${String(props['IntegrationId'])}`);
    const stage = await create(client, STAGE, { StageName: 'prod', ApiId: apiId });
    expect(stage.Identifier).toBe(`${apiId}|prod`);
  });

  it('never returns write-only properties, and returns the model on SUCCESS', async () => {
    const { client } = await setup();
    const event = await create(client, API, {
      Name: 'w',
      ProtocolType: 'HTTP',
      Target: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      FailOnWarnings: true,
    });
    expect(event.OperationStatus).toBe('SUCCESS');
    const model = JSON.parse(event.ResourceModel as string) as Record<string, unknown>;
    expect(model['Name']).toBe('w');
    expect(model).not.toHaveProperty('Target');
    expect(await properties(client, API, event.Identifier as string)).not.toHaveProperty('FailOnWarnings');
  });

  it('works for any type in the registry: ARNs from the template, generated names', async () => {
    const { client } = await setup({}, { region: 'eu-west-1' });
    const log = await create(client, 'AWS::Logs::LogGroup', { LogGroupName: 'g1' });
    expect(log.Identifier).toBe('g1');
    expect((await properties(client, 'AWS::Logs::LogGroup', 'g1'))['Arn']).toBe(
      'arn:aws:logs:eu-west-1:123456789012:log-group:g1:*',
    );
    const bucket = await create(client, 'AWS::S3::Bucket', {});
    const props = await properties(client, 'AWS::S3::Bucket', bucket.Identifier as string);
    expect(props['BucketName']).toBe(bucket.Identifier);
    expect(props['Arn']).toBe(`arn:aws:s3:::${String(bucket.Identifier)}`);
    const a = await create(client, 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    const b = await create(client, 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    expect(a.Identifier).not.toBe(b.Identifier);
  });
});
