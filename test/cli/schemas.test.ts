/**
 * `deploy schemas refresh` as a function of parsed options (the CLI wires it), with an injected
 * DescribeType: it fills the user's cache and reports how the region differs from the bundle.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { schemasCommand } from '../../src/cli/commands/schemas.js';
import type { CliIO } from '../../src/cli/io.js';
import type { DescribeType } from '../../src/cloud/describe-type.js';
import { cachedSchema } from '../../src/cloud/schema-cache.js';
import { readSnapshot } from '../../src/schema/build-registry.js';
import { DeployError } from '../../src/errors/index.js';
import { SchemaRegistry } from '../../src/schema/index.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const snapshot = new Map(readSnapshot().map((raw) => [raw.typeName, raw]));

function io(env: Record<string, string>): CliIO & { stdout: Capture; stderr: Capture } {
  return { stdout: new Capture(), stderr: new Capture(), stdin: new PassThrough(), env, cwd: process.cwd() };
}

const describeType: DescribeType = async ({ typeName }) => {
  const raw = structuredClone(snapshot.get(typeName));
  if (!raw) throw new Error(`no ${typeName}`);
  if (typeName === 'AWS::ApiGatewayV2::Deployment') raw.properties['Colour'] = { type: 'string' };
  return { typeName, schema: JSON.stringify(raw), provisioningType: 'FULLY_MUTABLE', versionId: '00000007' };
};

describe('deploy schemas refresh', () => {
  it('fetches the named types for the region into the cache and reports the differences', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'deploy-xdg-'));
    const run = io({ XDG_CACHE_HOME: cache, AWS_REGION: 'eu-west-1' });
    const code = await schemasCommand(
      { action: 'refresh', types: ['aws.apigatewayv2.apis', 'AWS::ApiGatewayV2::Deployment'] },
      run,
      { describe: describeType, registry: SchemaRegistry.load() },
    );
    expect(code, run.stderr.text).toBe(0);
    expect(run.stdout.text).toContain(`Fetched 2 of 2 schemas for eu-west-1 into ${join(cache, 'deploy', 'schemas')}.`);
    expect(run.stdout.text).toContain('1 differ from the bundled snapshot: AWS::ApiGatewayV2::Deployment');
    const cacheDir = join(cache, 'deploy', 'schemas');
    expect(cachedSchema(cacheDir, 'eu-west-1', 'AWS::ApiGatewayV2::Deployment')?.version).toBe('00000007');
  });

  it('takes --region over the environment, and exits 1 naming a type it could not fetch', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'deploy-xdg-'));
    const run = io({ XDG_CACHE_HOME: cache, AWS_REGION: 'eu-west-1' });
    const failing: DescribeType = async (input) => {
      if (input.typeName === 'AWS::ApiGatewayV2::Route') throw new Error('AccessDenied');
      return describeType(input);
    };
    const code = await schemasCommand(
      { action: 'refresh', region: 'ap-south-1', types: ['AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Api'] },
      run,
      { describe: failing, registry: SchemaRegistry.load() },
    );
    expect(code).toBe(1);
    expect(run.stdout.text).toContain('Fetched 1 of 2 schemas for ap-south-1');
    expect(run.stderr.text).toContain('error: AWS::ApiGatewayV2::Route: AccessDenied');
  });

  it('fetches a type newer than the bundled snapshot when named, and makes it known', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'deploy-xdg-'));
    const run = io({ XDG_CACHE_HOME: cache });
    const registry = SchemaRegistry.load();
    const newer: DescribeType = async ({ typeName }) => ({
      typeName,
      schema: JSON.stringify({
        typeName,
        properties: { Id: { type: 'string' } },
        primaryIdentifier: ['/properties/Id'],
        readOnlyProperties: ['/properties/Id'],
        handlers: { create: {}, read: {}, delete: {} },
      }),
    });
    expect(
      await schemasCommand({ action: 'refresh', types: ['AWS::Demo::Gadget'] }, run, { describe: newer, registry }),
    ).toBe(0);
    expect(run.stdout.text).toContain('1 are not in the bundled snapshot: AWS::Demo::Gadget');
    expect(registry.resolve('aws.demo.gadgets').typeName).toBe('AWS::Demo::Gadget');
  });

  it('names its one subcommand when given another', async () => {
    const error = await schemasCommand({ action: 'update' }, io({}), { describe: describeType }).catch(
      (e: unknown) => e,
    );
    expect(DeployError.is(error) && error.code).toBe('UnknownSubcommand');
    expect((error as DeployError).hint).toContain('deploy schemas refresh [--region R]');
  });
});
