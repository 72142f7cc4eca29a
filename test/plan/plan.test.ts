import { describe, expect, it } from 'vitest';
import { buildPlan, fingerprint, summarize, type ResourceChange } from '../../src/plan/index.js';
import { diff } from './fixtures.js';

const changes: ResourceChange[] = [
  diff({ name: 'api', schema: 'api', desired: { Name: 'n', ProtocolType: 'HTTP' }, actual: undefined }),
  diff({
    name: 'stage',
    schema: 'stage',
    desired: { ApiId: 'a', StageName: 'p', Description: 'new' },
    actual: { ApiId: 'a', StageName: 'p' },
  }),
  diff({
    name: 'stage2',
    schema: 'stage',
    desired: { ApiId: 'b', StageName: 'p' },
    actual: { ApiId: 'a', StageName: 'p' },
  }),
  diff({ name: 'old', schema: 'route', desired: undefined, actual: { ApiId: 'a', RouteKey: 'GET /' } }),
  diff({
    name: 'same',
    schema: 'route',
    desired: { ApiId: 'a', RouteKey: 'GET /' },
    actual: { ApiId: 'a', RouteKey: 'GET /' },
  }),
  diff({ name: 'gone', schema: 'route', desired: undefined, actual: undefined }),
];

describe('summarize and buildPlan', () => {
  it('counts each action', () => {
    expect(changes.map((c) => c.action)).toEqual(['create', 'update', 'replace', 'delete', 'noop', 'noop']);
    expect(summarize(changes)).toEqual({ create: 1, update: 1, replace: 1, delete: 1, noop: 2 });
    expect(summarize([])).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 0 });
  });

  it('wraps the changes in a versioned plan with the time passed in', () => {
    const plan = buildPlan('shop', 'prod', '2025-01-02T03:04:05Z', changes);
    expect(plan).toEqual({
      version: 1,
      stack: 'shop',
      env: 'prod',
      createdAt: '2025-01-02T03:04:05Z',
      resources: changes,
      summary: { create: 1, update: 1, replace: 1, delete: 1, noop: 2 },
    });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('fingerprint', () => {
  it('ignores key order at every depth', () => {
    expect(fingerprint({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(
      fingerprint({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }),
    );
  });

  it('changes with any value, and with array order', () => {
    const base = fingerprint({ a: [1, 2] });
    expect(fingerprint({ a: [2, 1] })).not.toBe(base);
    expect(fingerprint({ a: [1, 3] })).not.toBe(base);
    expect(fingerprint({ a: [1, 2], b: null })).not.toBe(base);
  });

  it('hashes a missing resource and an empty one differently', () => {
    expect(fingerprint(undefined)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fingerprint(undefined)).not.toBe(fingerprint({}));
  });

  it('is what diffResource stores for the read', () => {
    const actual = { ApiId: 'a', StageName: 'p' };
    expect(diff({ name: 's', schema: 'stage', desired: actual, actual }).fingerprint).toBe(
      fingerprint({ StageName: 'p', ApiId: 'a' }),
    );
  });
});
