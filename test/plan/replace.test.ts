import { describe, expect, it } from 'vitest';
import { unknownToken } from '../../src/template/unknown.js';
import { diff, type Row } from './fixtures.js';

const api = { Name: 'shop', ProtocolType: 'HTTP' };
const apiRead = {
  ...api,
  ApiId: 'a1',
  ApiEndpoint: 'https://a1.example',
  RouteSelectionExpression: '$request.method $request.path',
};
const integration = { ApiId: 'a1', IntegrationType: 'AWS_PROXY', IntegrationUri: 'arn:fn' };
const integrationRead = { ...integration, IntegrationId: 'i1', TimeoutInMillis: 30000 };

describe('create-only properties force replacement', () => {
  it.each<[Row, string]>([
    [
      {
        name: 'protocol',
        schema: 'api',
        desired: { ...api, ProtocolType: 'WEBSOCKET' },
        actual: apiRead,
        lastApplied: api,
      },
      'ProtocolType is create-only',
    ],
    [
      {
        name: 'parent',
        schema: 'integration',
        desired: { ...integration, ApiId: 'a2' },
        actual: integrationRead,
        lastApplied: integration,
      },
      'ApiId is create-only',
    ],
    [
      {
        name: 'two',
        schema: 'stage',
        desired: { ApiId: 'a2', StageName: 'live' },
        actual: { ApiId: 'a1', StageName: 'prod' },
      },
      'ApiId and StageName are create-only',
    ],
    [
      {
        name: 'unknown parent',
        schema: 'integration',
        desired: { ...integration, ApiId: unknownToken('api.api_id') },
        actual: integrationRead,
        lastApplied: integration,
      },
      'ApiId is create-only (known after apply)',
    ],
    [
      {
        name: 'known and unknown',
        schema: 'stage',
        desired: { ApiId: unknownToken('api.api_id'), StageName: 'live' },
        actual: { ApiId: 'a1', StageName: 'prod' },
      },
      'StageName is create-only; ApiId is create-only (known after apply)',
    ],
    [
      {
        name: 'removed create-only',
        schema: 'route',
        desired: { RouteKey: 'GET /' },
        actual: { ApiId: 'a1', RouteKey: 'GET /', RouteId: 'r1' },
        lastApplied: { ApiId: 'a1', RouteKey: 'GET /' },
      },
      'ApiId is create-only',
    ],
  ])('$name', (row, reason) => {
    const change = diff(row);
    expect(change.action).toBe('replace');
    expect(change.reason).toBe(reason);
    expect(change.patch).toBeUndefined();
    for (const c of change.changes) expect(c.forcesReplacement).toBe(true);
  });

  it('lists the other changes too, marking only create-only ones', () => {
    const change = diff({
      name: 'mixed',
      schema: 'api',
      desired: { ...api, ProtocolType: 'WEBSOCKET', Description: 'd' },
      actual: apiRead,
      lastApplied: api,
    });
    expect(change.changes).toEqual([
      { path: '/ProtocolType', kind: 'change', before: 'HTTP', after: 'WEBSOCKET', forcesReplacement: true },
      { path: '/Description', kind: 'add', after: 'd' },
    ]);
    expect(change.identifier).toBeUndefined();
    expect(change.fingerprint).toBeDefined();
  });

  it('marks an unknown create-only value unknown', () => {
    const change = diff({
      name: 'u',
      schema: 'integration',
      desired: { ...integration, ApiId: unknownToken('api.api_id') },
      actual: integrationRead,
    });
    expect(change.changes).toEqual([
      {
        path: '/ApiId',
        kind: 'change',
        before: 'a1',
        after: '«unknown:api.api_id»',
        unknown: true,
        forcesReplacement: true,
      },
    ]);
  });

  it('ignores a create-only value the service set and we never did', () => {
    const change = diff({
      name: 's',
      schema: 'route',
      desired: { RouteKey: 'GET /' },
      actual: { ApiId: 'a1', RouteKey: 'GET /', RouteId: 'r1' },
      lastApplied: { RouteKey: 'GET /' },
    });
    expect(change.action).toBe('noop');
  });
});

describe('unknown values in updatable properties', () => {
  it('updates, keeping the token in the patch for the engine to re-render', () => {
    const uri = unknownToken('fn.arn');
    const change = diff({
      name: 'u',
      schema: 'integration',
      desired: { ...integration, IntegrationUri: uri },
      actual: integrationRead,
      lastApplied: integration,
    });
    expect(change.action).toBe('update');
    expect(change.reason).toBe('IntegrationUri changed (known after apply)');
    expect(change.changes).toEqual([
      { path: '/IntegrationUri', kind: 'change', before: 'arn:fn', after: uri, unknown: true },
    ]);
    expect(change.patch).toEqual([{ op: 'replace', path: '/IntegrationUri', value: uri }]);
  });

  it('adds an unknown value absent from the read', () => {
    const token = unknownToken('role.arn');
    const change = diff({
      name: 'u',
      schema: 'integration',
      desired: { ...integration, CredentialsArn: `${token}` },
      actual: integrationRead,
    });
    expect(change.changes).toEqual([{ path: '/CredentialsArn', kind: 'add', after: token, unknown: true }]);
    expect(change.patch).toEqual([{ op: 'add', path: '/CredentialsArn', value: token }]);
  });

  it('treats a token nested inside an object as unknown', () => {
    const change = diff({
      name: 'u',
      schema: 'integration',
      desired: { ...integration, RequestParameters: { 'overwrite:path': `/${unknownToken('x.y')}` } },
      actual: integrationRead,
    });
    expect(change.changes[0]?.unknown).toBe(true);
    expect(change.action).toBe('update');
  });
});
