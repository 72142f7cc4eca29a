import {
  CancelResourceRequestCommand,
  CloudControlServiceException,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourceRequestsCommand,
  ListResourcesCommand,
  ResourceNotFoundException,
  UpdateResourceCommand,
  type CloudControlClient,
} from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { API, clientFor, createApi, rejection, settle, setup, startCloud, websocketApi } from './helpers.js';

/** Rewrites the outgoing HTTP request, to send what the SDK itself never would. */
function tamper(
  client: CloudControlClient,
  change: (request: { headers: Record<string, string>; body: unknown }) => void,
): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: unknown };
      const before = request.body;
      change(request);
      if (request.body !== before)
        request.headers['content-length'] = String(Buffer.byteLength(request.body as string));
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low' },
  );
}

describe('wire protocol through the SDK', () => {
  it('serves all eight operations', async () => {
    const { client } = await setup({ latencyMs: 30 });
    const created = await client.send(
      new CreateResourceCommand({ TypeName: API, DesiredState: JSON.stringify(websocketApi) }),
    );
    expect(created.ProgressEvent).toMatchObject({ TypeName: API, Operation: 'CREATE', OperationStatus: 'IN_PROGRESS' });
    expect(created.ProgressEvent?.EventTime).toBeInstanceOf(Date);
    expect(created.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const id = (await settle(client, created.ProgressEvent?.RequestToken as string)).Identifier as string;

    const got = await client.send(new GetResourceCommand({ TypeName: API, Identifier: id }));
    expect(got.TypeName).toBe(API);
    expect(got.ResourceDescription?.Identifier).toBe(id);

    const updated = await client.send(
      new UpdateResourceCommand({
        TypeName: API,
        Identifier: id,
        PatchDocument: '[{"op":"add","path":"/Description","value":"d"}]',
      }),
    );
    expect(updated.ProgressEvent?.OperationStatus).toBe('IN_PROGRESS');
    const cancelled = await client.send(
      new CancelResourceRequestCommand({ RequestToken: updated.ProgressEvent?.RequestToken }),
    );
    expect(cancelled.ProgressEvent?.OperationStatus).toBe('CANCEL_IN_PROGRESS');

    const listed = await client.send(new ListResourcesCommand({ TypeName: API }));
    expect(listed.ResourceDescriptions?.map((d) => d.Identifier)).toEqual([id]);

    const deleted = await client.send(new DeleteResourceCommand({ TypeName: API, Identifier: id }));
    expect((await settle(client, deleted.ProgressEvent?.RequestToken as string)).OperationStatus).toBe('SUCCESS');

    const status = await client.send(
      new GetResourceRequestStatusCommand({ RequestToken: deleted.ProgressEvent?.RequestToken }),
    );
    expect(status.ProgressEvent).toMatchObject({ Operation: 'DELETE', OperationStatus: 'SUCCESS', Identifier: id });

    const requests = await client.send(new ListResourceRequestsCommand({}));
    expect(requests.ResourceRequestStatusSummaries?.map((e) => e.Operation)).toEqual(['DELETE', 'UPDATE', 'CREATE']);
    expect(requests.ResourceRequestStatusSummaries?.map((e) => e.OperationStatus)).toEqual([
      'SUCCESS',
      'CANCEL_COMPLETE',
      'SUCCESS',
    ]);
  });

  it('raises the modeled exception class with a 400 for ResourceNotFound', async () => {
    const { client } = await setup();
    const error = await rejection(client.send(new GetResourceCommand({ TypeName: API, Identifier: 'nope123' })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toContain("identifier 'nope123' was not found");
  });

  it('answers an unknown X-Amz-Target with UnknownOperationException', async () => {
    const cloud = await startCloud();
    const client = clientFor(cloud, { maxAttempts: 1 });
    tamper(client, (request) => {
      request.headers['x-amz-target'] = 'CloudApiService.DescribeEverything';
    });
    const error = await rejection(client.send(new ListResourceRequestsCommand({})));
    expect(error).toBeInstanceOf(CloudControlServiceException);
    expect(error.name).toBe('UnknownOperationException');
    expect(error.message).toContain('DescribeEverything');
  });

  it('answers malformed JSON with SerializationException', async () => {
    const cloud = await startCloud();
    const client = clientFor(cloud, { maxAttempts: 1 });
    tamper(client, (request) => {
      request.body = '{"TypeName": ';
    });
    const error = await rejection(client.send(new ListResourcesCommand({ TypeName: API })));
    expect(error.name).toBe('SerializationException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('answers a missing required member with ValidationException', async () => {
    const { client } = await setup();
    const error = await rejection(client.send(new GetResourceCommand({ TypeName: API } as never)));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain("'identifier'");
  });

  it('keeps regions apart, taken from the SigV4 credential scope', async () => {
    const cloud = await startCloud();
    const east = clientFor(cloud, { region: 'us-east-1' });
    const west = clientFor(cloud, { region: 'eu-west-1' });
    const id = await createApi(east);
    const props = await (async () => {
      const out = await east.send(new GetResourceCommand({ TypeName: API, Identifier: id }));
      return JSON.parse(out.ResourceDescription?.Properties ?? '{}') as Record<string, unknown>;
    })();
    expect(props['ApiEndpoint']).toBe(`wss://${id}.execute-api.us-east-1.amazonaws.com`);

    expect(await rejection(west.send(new GetResourceCommand({ TypeName: API, Identifier: id })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect((await west.send(new ListResourcesCommand({ TypeName: API }))).ResourceDescriptions).toEqual([]);
    expect((await west.send(new ListResourceRequestsCommand({}))).ResourceRequestStatusSummaries).toEqual([]);
    const token = (await east.send(new ListResourceRequestsCommand({}))).ResourceRequestStatusSummaries?.[0]
      ?.RequestToken;
    const error = await rejection(west.send(new GetResourceRequestStatusCommand({ RequestToken: token })));
    expect(error.name).toBe('RequestTokenNotFoundException');

    const westId = await createApi(west);
    const westProps = JSON.parse(
      (await west.send(new GetResourceCommand({ TypeName: API, Identifier: westId }))).ResourceDescription
        ?.Properties ?? '{}',
    ) as Record<string, unknown>;
    expect(westProps['ApiEndpoint']).toBe(`wss://${westId}.execute-api.eu-west-1.amazonaws.com`);
  });
});

describe('limits of the wire', () => {
  it('a prototype name is no operation', async () => {
    const cloud = await startCloud();
    const response = await fetch(cloud.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'CloudApiService.constructor' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('refuses a DesiredState over 65,536 characters before storing anything', async () => {
    const cloud = await startCloud();
    const response = await fetch(cloud.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'CloudApiService.CreateResource' },
      body: JSON.stringify({
        TypeName: 'AWS::ApiGatewayV2::Api',
        DesiredState: JSON.stringify({ Name: 'x'.repeat(70_000), ProtocolType: 'HTTP' }),
      }),
    });
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await response.text()).toContain('length less than or equal to 65536');
  });
});
