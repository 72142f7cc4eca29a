/**
 * The DescribeType cache and `schemas refresh`, with an injected DescribeType (no network):
 * per region, type and version; atomic writes; refresh summaries against the bundle.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DescribeType, TypeDescription } from '../../src/cloud/describe-type.js';
import { refreshSchemas } from '../../src/cloud/refresh-schemas.js';
import { cachedSchema, cacheOverlaySource, fetchSchema, schemaCacheDir } from '../../src/cloud/schema-cache.js';
import { readSnapshot } from '../../src/schema/build-registry.js';
import { SchemaRegistry } from '../../src/schema/index.js';

const snapshot = new Map(readSnapshot().map((raw) => [raw.typeName, raw]));

/** A DescribeType answering from the snapshot (optionally edited), counting its calls. */
function fakeDescribe(
  edit: (typeName: string, description: TypeDescription) => TypeDescription = (_t, d) => d,
): DescribeType & { calls: string[] } {
  const calls: string[] = [];
  const describeType = async ({ region, typeName }: { region: string; typeName: string }) => {
    calls.push(`${region} ${typeName}`);
    const raw = snapshot.get(typeName);
    if (!raw) throw Object.assign(new Error(`Type not found: ${typeName}`), { name: 'TypeNotFoundException' });
    return edit(typeName, {
      typeName,
      schema: JSON.stringify(raw),
      provisioningType: 'FULLY_MUTABLE',
      versionId: '00000001',
    });
  };
  return Object.assign(describeType, { calls });
}

const tempCache = (): string => join(mkdtempSync(join(tmpdir(), 'deploy-schemas-')), 'schemas');
const API = 'AWS::ApiGatewayV2::Api';

describe('schema cache directory', () => {
  it('follows XDG_CACHE_HOME, else ~/.cache', () => {
    expect(schemaCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/deploy/schemas');
    expect(schemaCacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/deploy/schemas');
  });
});

describe('fetchSchema', () => {
  it('asks AWS once, then answers from the cache, per region', async () => {
    const cacheDir = tempCache();
    const describeType = fakeDescribe();
    const first = await fetchSchema({ describe: describeType, cacheDir, region: 'eu-west-1', typeName: API });
    expect(first).toMatchObject({ fromCache: false, version: '00000001', provisioningType: 'FULLY_MUTABLE' });
    expect(first.schema.typeName).toBe(API);
    expect(first.schema.writeOnly).toContain('Body');

    const again = await fetchSchema({ describe: describeType, cacheDir, region: 'eu-west-1', typeName: API });
    expect(again.fromCache).toBe(true);
    expect(again.schema).toEqual(first.schema);
    await fetchSchema({ describe: describeType, cacheDir, region: 'us-west-2', typeName: API });
    expect(describeType.calls).toEqual([`eu-west-1 ${API}`, `us-west-2 ${API}`]);

    const dir = join(cacheDir, 'eu-west-1', 'AWS.ApiGatewayV2.Api');
    expect(readdirSync(dir).sort()).toEqual(['00000001.json', 'current.json']); // no temporary files left
  });

  it('keeps each version, and moves "current" when a refresh finds a new one', async () => {
    const cacheDir = tempCache();
    let version = '00000001';
    const describeType = fakeDescribe((_t, d) => ({ ...d, versionId: version }));
    await fetchSchema({ describe: describeType, cacheDir, region: 'eu-west-1', typeName: API });
    version = '00000002';
    const cached = await fetchSchema({ describe: describeType, cacheDir, region: 'eu-west-1', typeName: API });
    expect(cached.version).toBe('00000001'); // no refresh asked: the cache answers
    const refreshed = await fetchSchema({
      describe: describeType,
      cacheDir,
      region: 'eu-west-1',
      typeName: API,
      refresh: true,
    });
    expect(refreshed).toMatchObject({ fromCache: false, version: '00000002' });
    expect(cachedSchema(cacheDir, 'eu-west-1', API)?.version).toBe('00000002');
    expect(readdirSync(join(cacheDir, 'eu-west-1', 'AWS.ApiGatewayV2.Api')).sort()).toEqual([
      '00000001.json',
      '00000002.json',
      'current.json',
    ]);
  });

  it('names a version by a digest of the schema when the registry gives none', async () => {
    const cacheDir = tempCache();
    const describeType = fakeDescribe((_t, { versionId: _, ...d }) => d);
    const result = await fetchSchema({ describe: describeType, cacheDir, region: 'eu-west-1', typeName: API });
    expect(result.version).toMatch(/^sha256-[0-9a-f]{16}$/);
  });

  it('takes NON_PROVISIONABLE as "cannot be created"', async () => {
    const cacheDir = tempCache();
    const describeType = fakeDescribe((_t, d) => ({ ...d, provisioningType: 'NON_PROVISIONABLE' }));
    const result = await fetchSchema({ describe: describeType, cacheDir, region: 'eu-west-1', typeName: API });
    expect(result.schema.handlers).not.toContain('create');
    expect(cachedSchema(cacheDir, 'eu-west-1', API)?.schema.handlers).not.toContain('create');
  });
});

describe('refreshSchemas', () => {
  it('fetches every type asked, and says which differ from the bundle, are new, cannot be created or failed', async () => {
    const cacheDir = tempCache();
    const registry = SchemaRegistry.load();
    const describeType = fakeDescribe((typeName, d) => {
      if (typeName === 'AWS::ApiGatewayV2::Route') {
        const raw = JSON.parse(d.schema) as { properties: Record<string, unknown> };
        raw.properties['Colour'] = { type: 'string' };
        return { ...d, schema: JSON.stringify(raw) };
      }
      if (typeName === 'AWS::ApiGatewayV2::Stage') return { ...d, provisioningType: 'NON_PROVISIONABLE' };
      return d;
    });
    const types = [
      'AWS::ApiGatewayV2::Api',
      'AWS::ApiGatewayV2::Route',
      'AWS::ApiGatewayV2::Stage',
      'AWS::Nope::Thing',
    ];
    const summary = await refreshSchemas({
      describe: describeType,
      cacheDir,
      region: 'eu-west-1',
      typeNames: types,
      bundled: (t) => registry.bundled(t),
    });
    expect(summary).toEqual({
      fetched: 3,
      changed: ['AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Stage'],
      added: [],
      notProvisionable: ['AWS::ApiGatewayV2::Stage'],
      failed: [{ typeName: 'AWS::Nope::Thing', message: 'Type not found: AWS::Nope::Thing' }],
    });
    expect(existsSync(join(cacheDir, 'eu-west-1', 'AWS.Nope.Thing'))).toBe(false);

    // What was fetched overlays the bundle for a registry that asks the cache.
    registry.useOverlays(cacheOverlaySource(cacheDir, 'eu-west-1'));
    expect(registry.resolve('aws.apigatewayv2.routes').properties).toHaveProperty('Colour');
    expect(registry.resolve('aws.apigatewayv2.stages').handlers).not.toContain('create');
    expect(registry.resolve('aws.apigatewayv2.integrations').handlers).toContain('create'); // not cached: bundle
  });
});
