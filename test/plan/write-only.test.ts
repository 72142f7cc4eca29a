import { describe, expect, it } from 'vitest';
import { unknownToken } from '../../src/template/unknown.js';
import { diff, patchedNames, schemas } from './fixtures.js';

const body = { openapi: '3.0.1', info: { title: 'shop', version: '1' }, paths: {} };
const api = { Name: 'shop', ProtocolType: 'HTTP', Body: body, FailOnWarnings: true };
/** Reads never return write-only properties. */
const apiRead = { Name: 'shop', ProtocolType: 'HTTP', ApiId: 'a1', ApiEndpoint: 'https://a1.example' };

const route = {
  ApiId: 'a1',
  RouteKey: 'GET /',
  AuthorizerId: 'au1',
  AuthorizationType: 'JWT',
  Target: 'integrations/i1',
};
const routeRead = {
  ApiId: 'a1',
  RouteKey: 'GET /',
  RouteId: 'r1',
  AuthorizationType: 'JWT',
  Target: 'integrations/i1',
};

describe('write-only properties', () => {
  it('compares with lastApplied, not the read: unchanged is not a change', () => {
    expect(diff({ name: 'a', schema: 'api', desired: api, actual: apiRead, lastApplied: api })).toMatchObject({
      action: 'noop',
      reason: 'up to date',
    });
  });

  it('re-sends every write-only property with add in an update', () => {
    const change = diff({
      name: 'a',
      schema: 'api',
      desired: { ...api, Name: 'shop2' },
      actual: apiRead,
      lastApplied: api,
    });
    expect(change.action).toBe('update');
    expect(change.changes).toEqual([{ path: '/Name', kind: 'change', before: 'shop', after: 'shop2' }]);
    expect(change.patch).toEqual([
      { op: 'replace', path: '/Name', value: 'shop2' },
      { op: 'add', path: '/Body', value: body },
      { op: 'add', path: '/FailOnWarnings', value: true },
    ]);
  });

  it('re-sends Route.AuthorizerId when the Target changes', () => {
    const change = diff({
      name: 'r',
      schema: 'route',
      desired: { ...route, Target: 'integrations/i2' },
      actual: routeRead,
      lastApplied: route,
    });
    expect(change.patch).toEqual([
      { op: 'add', path: '/AuthorizerId', value: 'au1' },
      { op: 'replace', path: '/Target', value: 'integrations/i2' },
    ]);
  });

  it('detects an edit against lastApplied and sends it with add', () => {
    const edited = { ...body, info: { title: 'shop', version: '2' } };
    const change = diff({
      name: 'a',
      schema: 'api',
      desired: { ...api, Body: edited },
      actual: apiRead,
      lastApplied: api,
    });
    expect(change).toMatchObject({ action: 'update', reason: 'Body changed' });
    expect(change.changes).toEqual([{ path: '/Body', kind: 'change', before: body, after: edited }]);
    expect(change.patch).toContainEqual({ op: 'add', path: '/Body', value: edited });
  });

  it('compares a write-only JSON body by parsed value', () => {
    const change = diff({
      name: 'a',
      schema: 'api',
      desired: { ...api, Body: JSON.stringify(body) },
      actual: apiRead,
      lastApplied: api,
    });
    expect(change.action).toBe('noop');
  });

  it('sees a newly set write-only property as added', () => {
    const change = diff({
      name: 'r',
      schema: 'route',
      desired: route,
      actual: routeRead,
      lastApplied: { ...route, AuthorizerId: undefined },
    });
    expect(change).toMatchObject({ action: 'update', reason: 'AuthorizerId added' });
    expect(change.patch).toEqual([{ op: 'add', path: '/AuthorizerId', value: 'au1' }]);
  });

  it('drops a removed write-only property by not re-sending it (a remove would fail)', () => {
    const desired = { ...route, AuthorizerId: undefined, AuthorizationType: 'NONE' };
    const change = diff({ name: 'r', schema: 'route', desired, actual: routeRead, lastApplied: route });
    expect(change.changes).toContainEqual({ path: '/AuthorizerId', kind: 'remove', before: 'au1' });
    expect(patchedNames(change)).toEqual(['AuthorizationType']);
  });

  it('without a ledger, assumes unchanged and says so', () => {
    const change = diff({ name: 'a', schema: 'api', desired: api, actual: apiRead });
    expect(change.action).toBe('noop');
    expect(change.reason).toBe(
      'up to date (write-only Body and FailOnWarnings not compared: no record of the last apply)',
    );
  });

  it('without a ledger, an update still re-sends them (so the reason needs no note)', () => {
    const change = diff({ name: 'a', schema: 'api', desired: { ...api, Name: 'shop2' }, actual: apiRead });
    expect(change.reason).toBe('Name changed');
    expect(patchedNames(change)).toEqual(['Name', 'Body', 'FailOnWarnings']);
  });

  it('treats an unknown write-only value as a change', () => {
    const change = diff({
      name: 'r',
      schema: 'route',
      desired: { ...route, AuthorizerId: unknownToken('auth.id') },
      actual: routeRead,
    });
    expect(change.action).toBe('update');
    expect(change.changes).toEqual([{ path: '/AuthorizerId', kind: 'add', after: '«unknown:auth.id»', unknown: true }]);
  });

  it('never re-sends a write-only property that is also create-only', () => {
    const schema = structuredClone(schemas.route);
    schema.writeOnly = [...schema.writeOnly, 'ApiId'];
    const change = diff(
      { name: 'r', schema: 'route', desired: { ...route, Target: 'x' }, actual: routeRead, lastApplied: route },
      { schema },
    );
    expect(patchedNames(change)).not.toContain('ApiId');
  });
});
