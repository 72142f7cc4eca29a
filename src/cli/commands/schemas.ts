/**
 * `deploy schemas refresh [--region R] [--type T …]`: fetches the current CloudFormation
 * registry schema of each type (every bundled type by default) for a region into the user's
 * cache (see src/cloud/schema-cache.ts), then reports how the region differs from the bundled
 * snapshot. Takes already parsed options, so the CLI can wire it as it likes.
 */
import { schemaCacheDir, useCachedSchemas } from '../../cloud/schema-cache.js';
import { sdkDescribeType, type DescribeType } from '../../cloud/describe-type.js';
import { refreshSchemas } from '../../cloud/refresh-schemas.js';
import { DeployError } from '../../errors/index.js';
import { schemaRegistry, type SchemaRegistry } from '../../schema/index.js';
import { EXIT, type CliIO } from '../io.js';

export interface SchemasOptions {
  /** The word after `schemas`: only `refresh` exists. */
  action: string | undefined;
  region?: string;
  /** Types to refresh (CloudFormation or StackQL names); default: every bundled type. */
  types?: string[];
}

/** For tests and embedders: the DescribeType to use, and the registry to compare with. */
export interface SchemasDeps {
  describe?: DescribeType;
  registry?: SchemaRegistry;
}

const USAGE = 'deploy schemas refresh [--region R] [--type AWS::Service::Type …]';

export async function schemasCommand(options: SchemasOptions, io: CliIO, deps: SchemasDeps = {}): Promise<number> {
  if (options.action !== 'refresh') {
    throw new DeployError(
      'UnknownSubcommand',
      options.action === undefined ? 'deploy schemas needs a subcommand' : `unknown subcommand '${options.action}'`,
      { hint: USAGE },
    );
  }
  const region = options.region ?? io.env['AWS_REGION'] ?? io.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
  const registry = deps.registry ?? schemaRegistry();
  // A CloudFormation name the bundle lacks is asked for as given: a type newer than the snapshot.
  const typeNameOf = (name: string): string =>
    registry.typeNameOf(name) ?? (name.includes('::') ? name : registry.resolve(name).typeName);
  const typeNames = options.types?.length ? options.types.map(typeNameOf) : registry.typeNames();
  const cacheDir = schemaCacheDir(io.env);
  const summary = await refreshSchemas({
    describe: deps.describe ?? sdkDescribeType(),
    cacheDir,
    region,
    typeNames,
    bundled: (typeName) => registry.bundled(typeName),
  });
  // From now on this process answers with what was fetched.
  useCachedSchemas(registry, cacheDir, region);

  const out = io.stdout;
  out.write(`Fetched ${summary.fetched} of ${typeNames.length} schemas for ${region} into ${cacheDir}.\n`);
  const list = (names: string[]): string =>
    names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')} and ${names.length - 10} more`;
  if (summary.changed.length)
    out.write(`  ${summary.changed.length} differ from the bundled snapshot: ${list(summary.changed)}\n`);
  if (summary.added.length)
    out.write(`  ${summary.added.length} are not in the bundled snapshot: ${list(summary.added)}\n`);
  if (summary.notProvisionable.length) {
    out.write(
      `  ${summary.notProvisionable.length} cannot be created through Cloud Control: ${list(summary.notProvisionable)}\n`,
    );
  }
  for (const failure of summary.failed) io.stderr.write(`error: ${failure.typeName}: ${failure.message}\n`);
  return summary.failed.length ? EXIT.error : EXIT.ok;
}
