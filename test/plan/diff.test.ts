import { describe, expect, it } from 'vitest';
import type { PatchOperation, PropertyChange, ResourceChange } from '../../src/plan/index.js';
import { unknownToken } from '../../src/template/unknown.js';
import { diff, type Row } from './fixtures.js';

interface Expect {
  action: ResourceChange['action'];
  reason: string;
  changes?: PropertyChange[];
  patch?: PatchOperation[] | 'none';
  drift?: true;
}

const integration = {
  ApiId: 'a1',
  IntegrationType: 'AWS_PROXY',
  IntegrationUri: 'arn:fn',
  PayloadFormatVersion: '2.0',
};
/** What GetResource returns for `integration`: read-only id plus values the service chose. */
const integrationRead = { ...integration, IntegrationId: 'i1', TimeoutInMillis: 30000, ConnectionType: 'INTERNET' };

function check(row: Row, want: Expect): void {
  const change = diff(row);
  expect(change.action).toBe(want.action);
  expect(change.reason).toBe(want.reason);
  if (want.changes) expect(change.changes).toEqual(want.changes);
  if (want.patch === 'none') expect(change.patch).toBeUndefined();
  else if (want.patch) expect(change.patch).toEqual(want.patch);
  expect(change.drift).toBe(want.drift);
  if (row.actual) expect(change.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  else expect(change.fingerprint).toBeUndefined();
}

describe('lifecycle: create, delete, noop', () => {
  it.each<[Row, Expect]>([
    [
      {
        name: 'create',
        schema: 'integration',
        desired: { ...integration, IntegrationUri: unknownToken('fn.arn') },
        actual: undefined,
      },
      {
        action: 'create',
        reason: 'does not exist',
        patch: 'none',
        changes: [
          { path: '/ApiId', kind: 'add', after: 'a1' },
          { path: '/IntegrationType', kind: 'add', after: 'AWS_PROXY' },
          { path: '/IntegrationUri', kind: 'add', after: '«unknown:fn.arn»', unknown: true },
          { path: '/PayloadFormatVersion', kind: 'add', after: '2.0' },
        ],
      },
    ],
    [
      {
        name: 'create skips read-only',
        schema: 'integration',
        desired: { ApiId: 'a1', IntegrationId: 'x' },
        actual: undefined,
      },
      { action: 'create', reason: 'does not exist', changes: [{ path: '/ApiId', kind: 'add', after: 'a1' }] },
    ],
    [
      { name: 'delete', schema: 'stage', desired: undefined, actual: { ApiId: 'a1', StageName: 'prod' } },
      {
        action: 'delete',
        reason: 'removed from manifest',
        patch: 'none',
        changes: [
          { path: '/ApiId', kind: 'remove', before: 'a1' },
          { path: '/StageName', kind: 'remove', before: 'prod' },
        ],
      },
    ],
    [
      { name: 'gone', schema: 'stage', desired: undefined, actual: undefined },
      { action: 'noop', reason: 'already gone', changes: [] },
    ],
    [
      { name: 'same', schema: 'integration', desired: integration, actual: integrationRead, lastApplied: integration },
      { action: 'noop', reason: 'up to date', changes: [], patch: 'none' },
    ],
    [
      { name: 'same, no ledger', schema: 'integration', desired: integration, actual: integrationRead },
      { action: 'noop', reason: 'up to date', changes: [] },
    ],
  ])('$name', (row, want) => check(row, want));

  it('uses the given removal reason and passes identity through', () => {
    const change = diff(
      { name: 'old', schema: 'stage', desired: undefined, actual: { ApiId: 'a1', StageName: 'prod' } },
      { removedReason: 'environment dropped', identifier: 'a1|prod', dependsOn: ['api'] },
    );
    expect(change).toMatchObject({
      resource: 'old',
      type: 'AWS::ApiGatewayV2::Stage',
      region: 'us-east-1',
      action: 'delete',
      reason: 'environment dropped',
      identifier: 'a1|prod',
      dependsOn: ['api'],
    });
  });
});

describe('updates and perpetual-diff avoidance', () => {
  it.each<[Row, Expect]>([
    [
      {
        name: 'replace op',
        schema: 'integration',
        desired: { ...integration, TimeoutInMillis: 10000 },
        actual: integrationRead,
        lastApplied: integration,
      },
      {
        action: 'update',
        reason: 'TimeoutInMillis changed',
        changes: [{ path: '/TimeoutInMillis', kind: 'change', before: 30000, after: 10000 }],
        patch: [{ op: 'replace', path: '/TimeoutInMillis', value: 10000 }],
      },
    ],
    [
      {
        name: 'add op',
        schema: 'integration',
        desired: { ...integration, Description: 'hi' },
        actual: integrationRead,
        lastApplied: integration,
      },
      {
        action: 'update',
        reason: 'Description added',
        changes: [{ path: '/Description', kind: 'add', after: 'hi' }],
        patch: [{ op: 'add', path: '/Description', value: 'hi' }],
      },
    ],
    [
      {
        name: 'remove op',
        schema: 'integration',
        desired: integration,
        actual: { ...integrationRead, Description: 'hi' },
        lastApplied: { ...integration, Description: 'hi' },
      },
      {
        action: 'update',
        reason: 'Description removed',
        changes: [{ path: '/Description', kind: 'remove', before: 'hi' }],
        patch: [{ op: 'remove', path: '/Description' }],
      },
    ],
    [
      {
        name: 'several',
        schema: 'integration',
        desired: { ...integration, Description: 'hi', TimeoutInMillis: 5000 },
        actual: integrationRead,
        lastApplied: integration,
      },
      {
        action: 'update',
        reason: '2 properties changed',
        patch: [
          { op: 'add', path: '/Description', value: 'hi' },
          { op: 'replace', path: '/TimeoutInMillis', value: 5000 },
        ],
      },
    ],
    [
      {
        name: 'service default is not ours',
        schema: 'integration',
        desired: integration,
        actual: { ...integrationRead, TimeoutInMillis: 29000 },
        lastApplied: integration,
      },
      { action: 'noop', reason: 'up to date' },
    ],
    [
      {
        name: 'removed and already gone',
        schema: 'integration',
        desired: integration,
        actual: integrationRead,
        lastApplied: { ...integration, Description: 'hi' },
      },
      { action: 'noop', reason: 'up to date' },
    ],
    [
      {
        name: 'schema default, omitted by the read',
        schema: 'domainName',
        desired: { DomainName: 'x.example.com', RoutingMode: 'API_MAPPING_ONLY' },
        actual: { DomainName: 'x.example.com' },
      },
      { action: 'noop', reason: 'up to date' },
    ],
    [
      {
        name: 'non-default, omitted by the read',
        schema: 'domainName',
        desired: { DomainName: 'x.example.com', RoutingMode: 'ROUTING_RULE_ONLY' },
        actual: { DomainName: 'x.example.com' },
      },
      {
        action: 'update',
        reason: 'RoutingMode added',
        patch: [{ op: 'add', path: '/RoutingMode', value: 'ROUTING_RULE_ONLY' }],
      },
    ],
    [
      {
        name: 'numeric string',
        schema: 'integration',
        desired: { ...integration, TimeoutInMillis: '30000' },
        actual: integrationRead,
        lastApplied: integration,
      },
      { action: 'noop', reason: 'up to date' },
    ],
    [
      {
        name: 'boolean string',
        schema: 'stage',
        desired: { ApiId: 'a1', StageName: 'p', AutoDeploy: 'true' },
        actual: { ApiId: 'a1', StageName: 'p', AutoDeploy: true },
      },
      { action: 'noop', reason: 'up to date' },
    ],
    [
      {
        name: 'JSON string',
        schema: 'stage',
        desired: { ApiId: 'a1', StageName: 'p', StageVariables: { a: '1', b: '2' } },
        actual: { ApiId: 'a1', StageName: 'p', StageVariables: '{"b":"2","a":"1"}' },
      },
      { action: 'noop', reason: 'up to date' },
    ],
    [
      {
        name: 'key order',
        schema: 'api',
        desired: { Name: 'n', ProtocolType: 'HTTP', CorsConfiguration: { AllowOrigins: ['*'], MaxAge: 300 } },
        actual: {
          ApiId: 'x',
          Name: 'n',
          ProtocolType: 'HTTP',
          CorsConfiguration: { MaxAge: 300, AllowOrigins: ['*'] },
        },
      },
      { action: 'noop', reason: 'up to date' },
    ],
    [
      {
        name: 'nested service values',
        schema: 'stage',
        desired: { ApiId: 'a1', StageName: 'p', DefaultRouteSettings: { ThrottlingBurstLimit: 100 } },
        actual: {
          ApiId: 'a1',
          StageName: 'p',
          DefaultRouteSettings: { ThrottlingBurstLimit: 100, DataTraceEnabled: false, DetailedMetricsEnabled: false },
        },
      },
      { action: 'noop', reason: 'up to date' },
    ],
    [
      {
        name: 'nested user removal',
        schema: 'stage',
        desired: { ApiId: 'a1', StageName: 'p', DefaultRouteSettings: { ThrottlingBurstLimit: 100 } },
        actual: {
          ApiId: 'a1',
          StageName: 'p',
          DefaultRouteSettings: { ThrottlingBurstLimit: 100, DataTraceEnabled: true },
        },
        lastApplied: {
          ApiId: 'a1',
          StageName: 'p',
          DefaultRouteSettings: { ThrottlingBurstLimit: 100, DataTraceEnabled: true },
        },
      },
      {
        action: 'update',
        reason: 'DefaultRouteSettings changed',
        patch: [{ op: 'replace', path: '/DefaultRouteSettings', value: { ThrottlingBurstLimit: 100 } }],
      },
    ],
    [
      {
        name: 'null unsets',
        schema: 'integration',
        desired: { ...integration, Description: null },
        actual: { ...integrationRead, Description: 'hi' },
        lastApplied: { ...integration, Description: 'hi' },
      },
      { action: 'update', reason: 'Description removed', patch: [{ op: 'remove', path: '/Description' }] },
    ],
  ])('$name', (row, want) => check(row, want));
});

describe('drift', () => {
  it.each<[Row, Expect]>([
    [
      {
        name: 'restored',
        schema: 'integration',
        desired: { ...integration, TimeoutInMillis: 29000 },
        actual: { ...integrationRead, TimeoutInMillis: 5000 },
        lastApplied: { ...integration, TimeoutInMillis: 29000 },
      },
      {
        action: 'update',
        reason: 'changed outside the engine',
        drift: true,
        patch: [{ op: 'replace', path: '/TimeoutInMillis', value: 29000 }],
      },
    ],
    [
      {
        name: 'removed outside',
        schema: 'integration',
        desired: { ...integration, Description: 'hi' },
        actual: integrationRead,
        lastApplied: { ...integration, Description: 'hi' },
      },
      {
        action: 'update',
        reason: 'changed outside the engine',
        drift: true,
        patch: [{ op: 'add', path: '/Description', value: 'hi' }],
      },
    ],
    [
      {
        name: 'edit and drift',
        schema: 'integration',
        desired: { ...integration, TimeoutInMillis: 29000, Description: 'new' },
        actual: { ...integrationRead, TimeoutInMillis: 5000, Description: 'old' },
        lastApplied: { ...integration, TimeoutInMillis: 29000, Description: 'old' },
      },
      { action: 'update', reason: 'Description changed; TimeoutInMillis changed outside the engine', drift: true },
    ],
    [
      {
        name: 'edit over drift is an edit',
        schema: 'integration',
        desired: { ...integration, TimeoutInMillis: 10000 },
        actual: { ...integrationRead, TimeoutInMillis: 5000 },
        lastApplied: { ...integration, TimeoutInMillis: 29000 },
      },
      { action: 'update', reason: 'TimeoutInMillis changed' },
    ],
    [
      {
        name: 'create-only drift',
        schema: 'stage',
        desired: { ApiId: 'a1', StageName: 'p' },
        actual: { ApiId: 'a1', StageName: 'q' },
        lastApplied: { ApiId: 'a1', StageName: 'p' },
      },
      {
        action: 'replace',
        reason: 'StageName is create-only (changed outside the engine)',
        drift: true,
        patch: 'none',
      },
    ],
  ])('$name', (row, want) => check(row, want));
});

describe('sensitive properties', () => {
  it.each([['CredentialsArn'], ['/CredentialsArn']])('marks changes to %s', (name) => {
    const row: Row = {
      name: 's',
      schema: 'integration',
      desired: { ...integration, CredentialsArn: 'arn:new', Description: 'd' },
      actual: { ...integrationRead, CredentialsArn: 'arn:old' },
      sensitive: [name],
    };
    const change = diff(row);
    expect(change.changes).toEqual([
      { path: '/CredentialsArn', kind: 'change', before: 'arn:old', after: 'arn:new', sensitive: true },
      { path: '/Description', kind: 'add', after: 'd' },
    ]);
    const created = diff({ ...row, actual: undefined });
    expect(created.changes.find((c) => c.path === '/CredentialsArn')?.sensitive).toBe(true);
    const deleted = diff({ ...row, desired: undefined });
    expect(deleted.changes.find((c) => c.path === '/CredentialsArn')?.sensitive).toBe(true);
  });
});
