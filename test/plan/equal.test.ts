import { describe, expect, it } from 'vitest';
import { matchesActual, valuesEqual } from '../../src/plan/index.js';
import type { TypeSchema, ValueType } from '../../src/schema/index.js';
import { schemas } from './fixtures.js';

const { api, integration, stage, route } = schemas;

function typeOf(schema: TypeSchema, name: string): ValueType | undefined {
  return schema.properties[name]?.type;
}

/** A Stage whose DefaultRouteSettings has a nested default, to exercise nested default equality. */
const stageWithNestedDefault: TypeSchema = structuredClone(stage);
const routeSettingsRef = (typeOf(stage, 'DefaultRouteSettings') as { kind: 'ref'; ref: string }).ref;
const routeSettings = stageWithNestedDefault.definitions[routeSettingsRef]?.properties['LoggingLevel'];
if (routeSettings) routeSettings.default = 'OFF';

describe('valuesEqual by schema type', () => {
  it.each<[string, TypeSchema, string, unknown, unknown, boolean]>([
    ['integer vs numeric string', integration, 'TimeoutInMillis', 30000, '30000', true],
    ['integer vs padded numeric string', integration, 'TimeoutInMillis', ' 30000 ', 30000, true],
    ['integer differs', integration, 'TimeoutInMillis', 30000, '29000', false],
    ['integer vs blank string', integration, 'TimeoutInMillis', 0, '', false],
    ['boolean vs "true"', api, 'DisableExecuteApiEndpoint', true, 'true', true],
    ['boolean vs "FALSE"', api, 'DisableExecuteApiEndpoint', false, 'FALSE', true],
    ['boolean vs "yes"', api, 'DisableExecuteApiEndpoint', true, 'yes', false],
    ['string vs number text', api, 'Version', '1', 1, true],
    ['string differs', api, 'Name', 'a', 'b', false],
    ['string is case-sensitive', api, 'Name', 'Api', 'api', false],
    [
      'json object vs JSON string, keys reordered',
      api,
      'Body',
      { openapi: '3.0', info: { title: 't', version: '1' } },
      '{"info":{"version":"1","title":"t"},"openapi":"3.0"}',
      true,
    ],
    ['json differs', api, 'Body', { openapi: '3.0' }, '{"openapi":"3.1"}', false],
    ['json text vs json text', stage, 'StageVariables', '{"a":"1","b":"2"}', '{ "b": "2", "a": "1" }', true],
    ['json plain string', route, 'RequestModels', 'not json', 'not json', true],
    ['map key order', integration, 'RequestParameters', { a: 'x', b: 'y' }, { b: 'y', a: 'x' }, true],
    ['map as JSON string', integration, 'RequestParameters', { a: 'x' }, '{"a":"x"}', true],
    ['map extra key', integration, 'RequestParameters', { a: 'x' }, { a: 'x', b: 'y' }, false],
    [
      'ref nested numeric string and key order',
      api,
      'CorsConfiguration',
      { AllowOrigins: ['*'], MaxAge: 300 },
      { MaxAge: '300', AllowOrigins: ['*'] },
      true,
    ],
    [
      'ref nested array order matters',
      api,
      'CorsConfiguration',
      { AllowMethods: ['GET', 'POST'] },
      { AllowMethods: ['POST', 'GET'] },
      false,
    ],
    [
      'ref nested boolean string',
      stage,
      'DefaultRouteSettings',
      { DataTraceEnabled: false, ThrottlingRateLimit: 1.5 },
      { DataTraceEnabled: 'false', ThrottlingRateLimit: '1.50' },
      true,
    ],
    [
      'ref as JSON string',
      stage,
      'AccessLogSettings',
      { Format: '$context.requestId' },
      '{"Format":"$context.requestId"}',
      true,
    ],
    [
      'map of ref, nested arrays of ref',
      integration,
      'ResponseParameters',
      { '200': { ResponseParameters: [{ Destination: 'd', Source: 's' }] } },
      { '200': { ResponseParameters: [{ Source: 's', Destination: 'd' }] } },
      true,
    ],
    [
      'map of ref differs deep',
      integration,
      'ResponseParameters',
      { '200': { ResponseParameters: [{ Destination: 'd', Source: 's' }] } },
      { '200': { ResponseParameters: [{ Destination: 'd', Source: 't' }] } },
      false,
    ],
    ['array of strings as JSON string', route, 'AuthorizationScopes', ['a', 'b'], '["a","b"]', true],
    ['array length differs', route, 'AuthorizationScopes', ['a'], ['a', 'b'], false],
    ['null and undefined are both unset', api, 'Description', null, undefined, true],
    ['unset vs set', api, 'Description', undefined, '', false],
  ])('%s', (_label, schema, property, a, b, expected) => {
    const type = typeOf(schema, property);
    expect(type).toBeDefined();
    expect(valuesEqual(a, b, type, schema)).toBe(expected);
    expect(valuesEqual(b, a, type, schema)).toBe(expected);
  });

  it('compares a nested key absent on one side with the definition default', () => {
    const type = typeOf(stageWithNestedDefault, 'DefaultRouteSettings');
    const set = { ThrottlingBurstLimit: 100, LoggingLevel: 'OFF' };
    expect(valuesEqual({ ThrottlingBurstLimit: 100 }, set, type, stageWithNestedDefault)).toBe(true);
    expect(
      valuesEqual({ ThrottlingBurstLimit: 100 }, { ...set, LoggingLevel: 'INFO' }, type, stageWithNestedDefault),
    ).toBe(false);
  });

  it('treats tag arrays as sets', () => {
    const tags: ValueType = { kind: 'array', element: { kind: 'tag' } };
    const a = [
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
    ];
    expect(
      valuesEqual(
        a,
        [
          { Value: '2', Key: 'b' },
          { Key: 'a', Value: '1' },
        ],
        tags,
        api,
      ),
    ).toBe(true);
    expect(
      valuesEqual(
        a,
        [
          { Key: 'a', Value: '1' },
          { Key: 'a', Value: '1' },
        ],
        tags,
        api,
      ),
    ).toBe(false);
  });

  it('accepts either member of a union', () => {
    const union: ValueType = { kind: 'union', types: [{ kind: 'integer' }, { kind: 'ref', ref: 'missing' }] };
    expect(valuesEqual(5, '5', union, api)).toBe(true);
    expect(valuesEqual({ a: 1 }, '{"a":1}', union, api)).toBe(true);
    expect(valuesEqual({ a: 1 }, { a: 2 }, union, api)).toBe(false);
  });

  it('compares date-times as instants', () => {
    const t: ValueType = { kind: 'date-time' };
    expect(valuesEqual('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z', t, api)).toBe(true);
    expect(valuesEqual('2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z', t, api)).toBe(false);
  });

  it('compares untyped values structurally and loosely', () => {
    expect(valuesEqual({ a: [1, { b: true }] }, { a: ['1', { b: 'true' }] }, undefined, api)).toBe(true);
    expect(valuesEqual({ a: 1 }, '{"a":1}', undefined, api)).toBe(true);
    expect(valuesEqual({ a: 1 }, { a: 1, b: 2 }, undefined, api)).toBe(false);
  });
});

describe('matchesActual: service-filled nested values', () => {
  const type = typeOf(stage, 'DefaultRouteSettings');
  const desired = { ThrottlingBurstLimit: 100 };
  const actual = { ThrottlingBurstLimit: 100, DataTraceEnabled: false, DetailedMetricsEnabled: false };

  it('ignores nested keys only the service set', () => {
    expect(matchesActual(desired, actual, type, stage, undefined)).toBe(true);
    expect(matchesActual(desired, actual, type, stage, { ThrottlingBurstLimit: 100 })).toBe(true);
  });

  it('counts a nested key we set before and the manifest dropped', () => {
    const read = { ...actual, DataTraceEnabled: true };
    expect(matchesActual(desired, read, type, stage, { ThrottlingBurstLimit: 100, DataTraceEnabled: true })).toBe(
      false,
    );
  });

  it('but not one the read already shows off: dropping it has nothing left to undo', () => {
    expect(matchesActual(desired, actual, type, stage, { ThrottlingBurstLimit: 100, DataTraceEnabled: false })).toBe(
      true,
    );
  });

  it('counts a nested key the manifest has and the read lacks', () => {
    expect(matchesActual({ ...desired, LoggingLevel: 'INFO' }, actual, type, stage, undefined)).toBe(false);
  });

  it('ignores service-added map entries we never set, but not ones we did', () => {
    const tags = typeOf(api, 'Tags');
    expect(matchesActual({ team: 'a' }, { team: 'a', extra: 'b' }, tags, api, { team: 'a' })).toBe(true);
    expect(matchesActual({ team: 'a' }, { team: 'a', extra: 'b' }, tags, api, { team: 'a', extra: 'b' })).toBe(false);
  });
});
