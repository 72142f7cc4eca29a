/**
 * Invariants over many resources: an unchanged resource is always a noop (no perpetual diffs),
 * however the read spells its values; and an update's patch never touches a read-only or
 * create-only path while always re-sending write-only properties.
 */
import { describe, expect, it } from 'vitest';
import { diffResource, matchesAbsent, valuesEqual, type DiffInput } from '../../src/plan/index.js';
import { schemaRegistry, type TypeSchema } from '../../src/schema/index.js';
import { unknownToken } from '../../src/template/unknown.js';
import { schemas } from './fixtures.js';
import { respell, reverseKeys, rng, sampleResource, sampleValue } from './generate.js';

const registry = schemaRegistry();
const typeNames = [
  ...registry.typeNames().filter((t) => t.startsWith('AWS::ApiGatewayV2::')),
  'AWS::S3::Bucket',
  'AWS::Lambda::Function',
  'AWS::SQS::Queue',
  'AWS::IAM::Role',
  'AWS::DynamoDB::Table',
  'AWS::EC2::SecurityGroup',
];
const SEEDS = 8;

function input(
  schema: TypeSchema,
  desired: Record<string, unknown>,
  actual: Record<string, unknown>,
  lastApplied?: Record<string, unknown>,
): DiffInput {
  const out: DiffInput = { resource: 'r', schema, region: 'us-east-1', desired, actual };
  if (lastApplied) out.lastApplied = lastApplied;
  return out;
}

/** What a read returns: no write-only properties, plus read-only attributes. */
function readOf(schema: TypeSchema, desired: Record<string, unknown>, rand: () => number): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(desired)) if (!schema.writeOnly.includes(name)) read[name] = value;
  for (const [name, type] of Object.entries(schema.readOnly)) read[name] = sampleValue(type, schema, rand);
  return read;
}

const handWritten: [string, TypeSchema, Record<string, unknown>][] = [
  [
    'api',
    schemas.api,
    {
      Name: 'shop',
      ProtocolType: 'HTTP',
      Body: { openapi: '3.0.1' },
      CorsConfiguration: { AllowOrigins: ['*'], MaxAge: 300 },
      Tags: { team: 'a' },
      DisableExecuteApiEndpoint: false,
    },
  ],
  [
    'integration',
    schemas.integration,
    {
      ApiId: 'a1',
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: 'arn:fn',
      TimeoutInMillis: 29000,
      RequestParameters: { 'overwrite:path': '$request.path' },
      ResponseParameters: { '200': { ResponseParameters: [{ Destination: 'd', Source: 's' }] } },
    },
  ],
  [
    'stage',
    schemas.stage,
    {
      ApiId: 'a1',
      StageName: 'prod',
      AutoDeploy: true,
      StageVariables: { a: '1' },
      DefaultRouteSettings: { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 2.5 },
      AccessLogSettings: { Format: '$context.requestId', DestinationArn: 'arn:logs' },
    },
  ],
  [
    'route',
    schemas.route,
    {
      ApiId: 'a1',
      RouteKey: 'GET /',
      AuthorizerId: 'au1',
      AuthorizationType: 'JWT',
      AuthorizationScopes: ['read'],
      RequestParameters: { 'route.request.querystring.q': { Required: true } },
      Target: 'integrations/i1',
    },
  ],
  [
    'domain name',
    schemas.domainName,
    {
      DomainName: 'x.example.com',
      RoutingMode: 'API_MAPPING_ONLY',
      DomainNameConfigurations: [{ EndpointType: 'REGIONAL', CertificateArn: 'arn:cert' }],
    },
  ],
];

describe('desired == actual == lastApplied is always noop', () => {
  it.each(handWritten)('%s', (_name, schema, desired) => {
    const read = readOf(schema, desired, rng(1));
    expect(diffResource(input(schema, desired, read, desired)).action).toBe('noop');
    expect(diffResource(input(schema, desired, desired, desired)).action).toBe('noop');
  });

  it.each(typeNames)('%s, generated samples', (typeName) => {
    const schema = registry.resolve(typeName);
    for (let seed = 0; seed < SEEDS; seed++) {
      const rand = rng(seed);
      const desired = sampleResource(schema, rand);
      const read = readOf(schema, desired, rand);
      const respelled = Object.fromEntries(
        Object.entries(read).map(([k, v]) => [k, respell(v, schema.properties[k]?.type)]),
      );
      for (const actual of [read, desired, respelled, reverseKeys(read) as Record<string, unknown>]) {
        const change = diffResource(input(schema, desired, actual, desired));
        expect({ seed, action: change.action, changes: change.changes }).toEqual({ seed, action: 'noop', changes: [] });
      }
      // Without a ledger the answer is the same: nothing to do.
      expect(diffResource(input(schema, desired, read)).action).toBe('noop');
    }
  });
});

describe('update patches', () => {
  it.each(typeNames)('%s: never read-only or create-only paths; write-only always re-sent', (typeName) => {
    const schema = registry.resolve(typeName);
    const updatable = Object.keys(schema.properties).filter((n) => !schema.properties[n]?.createOnly);
    const createOnly = Object.keys(schema.properties).filter((n) => schema.properties[n]?.createOnly);
    for (let seed = 0; seed < SEEDS; seed++) {
      const rand = rng(100 + seed);
      const before = sampleResource(schema, rand);
      // A manifest that also names read-only attributes must not leak them into a patch.
      for (const name of Object.keys(schema.readOnly)) before[name] = 'x';
      const read = readOf(schema, before, rand);
      const target = updatable[Math.floor(rand() * updatable.length)];
      if (target === undefined) continue;
      const prop = schema.properties[target];
      const desired = { ...before, [target]: unknownToken(`p.${seed}`) };
      const fresh = prop ? sampleValue(prop.type, schema, rand) : undefined;
      for (const next of [desired, { ...before, [target]: fresh }]) {
        const change = diffResource(input(schema, next, read, before));
        if (change.action === 'noop') {
          // Nothing to do only when the new value is the old one, or is off and the read lacks it.
          const offAndUnread =
            read[target] === undefined && matchesAbsent(fresh, prop?.type, schema, prop?.default, { path: [target] });
          expect(valuesEqual(fresh, before[target], prop?.type, schema) || fresh === null || offAndUnread).toBe(true);
          continue;
        }
        expect(change.action).toBe('update');
        const paths = (change.patch ?? []).map((op) => op.path.slice(1));
        for (const name of paths) {
          expect(Object.hasOwn(schema.readOnly, name)).toBe(false);
          expect(createOnly).not.toContain(name);
        }
        const resent = schema.writeOnly.filter((n) => next[n] != null && !schema.properties[n]?.createOnly);
        for (const name of resent)
          expect(change.patch).toContainEqual({ op: 'add', path: `/${name}`, value: next[name] });
      }
    }
  });

  it('a changed create-only property always means replace', () => {
    for (const typeName of typeNames) {
      const schema = registry.resolve(typeName);
      const target = Object.keys(schema.properties).find(
        (n) => schema.properties[n]?.createOnly && !schema.writeOnly.includes(n),
      );
      if (target === undefined) continue;
      const before = sampleResource(schema, rng(7));
      const change = diffResource(
        input(schema, { ...before, [target]: unknownToken('new.parent') }, readOf(schema, before, rng(8)), before),
      );
      expect({ typeName, action: change.action }).toEqual({ typeName, action: 'replace' });
      expect(change.reason).toContain(`${target} is create-only`);
    }
  });
});
