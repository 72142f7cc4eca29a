/**
 * The type registry: resolves StackQL names (`aws.apigatewayv2.integrations`, `awscc.…`) and
 * CloudFormation names (`AWS::ApiGatewayV2::Integration`) to TypeSchemas. Loads the small
 * name index once and one service file per service actually used, so a command touching a
 * handful of types never parses the whole registry.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeployError } from '../errors/index.js';
import type { RegistryIndex } from './build-registry.js';
import { normaliseStackqlName, serviceKeyOf, snakeCase } from './names.js';
import { overlaySchema } from './overlay.js';
import { unpackType, type ServiceFile } from './service-file.js';
import { closest } from '../common/index.js';
import type { TypeSchema } from './types.js';

const packageRoot = (): string => resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the distilled registry lives: `<package>/dist/schema-data` (written by the build). */
export function registryDir(): string {
  return process.env['DEPLOY_SCHEMA_DIR'] ?? join(packageRoot(), 'dist', 'schema-data');
}

/**
 * Builds a missing registry with the build's own script, in a child process: importing the
 * distiller here would cost every command its load time (a third of the registry's cold start).
 */
function buildMissing(dir: string): void {
  const script = join(packageRoot(), 'dist', 'schema', 'build-registry-main.js');
  const built = existsSync(script)
    ? spawnSync(process.execPath, [script], { env: { ...process.env, DEPLOY_SCHEMA_DIR: dir }, encoding: 'utf8' })
    : undefined;
  if (!existsSync(join(dir, 'index.json'))) {
    throw new DeployError('SchemaRegistryMissing', `the schema registry is missing from ${dir}`, {
      hint: `run \`npm run build\` in ${packageRoot()}${built?.stderr ? ` (the last attempt said: ${built.stderr.trim()})` : ''}`,
    });
  }
}

/** Current schemas by type name (e.g. from a cache of DescribeType answers); undefined: none. */
export type OverlaySource = (typeName: string) => TypeSchema | undefined;

export class SchemaRegistry {
  private readonly services = new Map<string, ServiceFile>();
  /** Bundled schemas already unpacked from their service file. */
  private readonly unpacked = new Map<string, TypeSchema | undefined>();
  /** Lower-cased type name → type name, and singular StackQL names: built on first need. */
  private byLowerName: Map<string, string> | undefined;
  private singular: Map<string, string> | undefined;
  /** Fetched schemas laid over the bundled ones (undefined: looked up, none). */
  private readonly overlays = new Map<string, TypeSchema | undefined>();
  private overlaySource: OverlaySource | undefined;
  /** Type names known, for exact lookups (the index maps StackQL names to them). */
  private readonly known: Set<string>;

  constructor(
    private readonly dir: string,
    private readonly index: RegistryIndex,
  ) {
    this.known = new Set(Object.values(index.stackql));
  }

  static load(dir = registryDir()): SchemaRegistry {
    const indexPath = join(dir, 'index.json');
    if (!existsSync(indexPath)) buildMissing(dir);
    return new SchemaRegistry(dir, JSON.parse(readFileSync(indexPath, 'utf8')) as RegistryIndex);
  }

  /** Every CloudFormation type name known. */
  typeNames(): string[] {
    return [...this.known];
  }

  /** Every StackQL name known (`aws.` form). */
  stackqlNames(): string[] {
    return Object.keys(this.index.stackql);
  }

  /** The CloudFormation type for a StackQL or CloudFormation name, or undefined. */
  typeNameOf(name: string): string | undefined {
    if (name.includes('::')) {
      if (this.known.has(name)) return name;
      this.byLowerName ??= new Map([...this.known].map((t) => [t.toLowerCase(), t]));
      return this.byLowerName.get(name.toLowerCase());
    }
    const key = normaliseStackqlName(name);
    return this.index.stackql[key] ?? this.singularNames().get(key);
  }

  /** Singular StackQL names (`aws.s3.bucket`): a common slip worth resolving. */
  private singularNames(): Map<string, string> {
    if (!this.singular) {
      this.singular = new Map();
      for (const typeName of this.known) this.singular.set(singularNameOf(typeName), typeName);
    }
    return this.singular;
  }

  find(name: string): TypeSchema | undefined {
    const typeName = this.typeNameOf(name);
    if (typeName === undefined) return undefined;
    if (!this.overlays.has(typeName) && this.overlaySource) {
      const fetched = this.overlaySource(typeName);
      this.overlays.set(typeName, fetched && overlaySchema(fetched, this.bundled(typeName)));
    }
    return this.overlays.get(typeName) ?? this.bundled(typeName);
  }

  /** The schema from the bundled snapshot, ignoring overlays. */
  bundled(typeName: string): TypeSchema | undefined {
    if (!this.known.has(typeName)) return undefined;
    if (this.unpacked.has(typeName)) return this.unpacked.get(typeName);
    const service = serviceKeyOf(typeName);
    let file = this.services.get(service);
    if (!file) {
      const path = join(this.dir, `${service}.json`);
      // A type only an overlay brought has no service file.
      file = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ServiceFile) : { shared: [], types: {} };
      this.services.set(service, file);
    }
    const schema = unpackType(file, typeName);
    this.unpacked.set(typeName, schema);
    return schema;
  }

  /**
   * Lays a fetched schema (distilDescribed) over the bundled one: from now on this registry
   * answers with it. A type the bundle lacks (newer than the snapshot) becomes known.
   */
  overlay(fetched: TypeSchema): TypeSchema {
    const typeName = fetched.typeName;
    const merged = overlaySchema(fetched, this.bundled(typeName));
    if (!this.known.has(typeName)) {
      this.known.add(typeName);
      this.index.stackql[merged.stackqlName] = typeName;
      this.byLowerName?.set(typeName.toLowerCase(), typeName);
      this.singular?.set(singularNameOf(typeName), typeName);
    }
    this.overlays.set(typeName, merged);
    return merged;
  }

  /** Consults `source` for each type on first use (an explicit overlay() still wins). */
  useOverlays(source: OverlaySource): void {
    this.overlaySource = source;
  }

  /** Like find, but an unknown name is a user error suggesting the closest names. */
  resolve(name: string): TypeSchema {
    const schema = this.find(name);
    if (schema) return schema;
    const suggestions = this.suggest(name);
    throw new DeployError('UnknownType', `unknown resource type '${name}'`, {
      hint: suggestions.length
        ? `did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?`
        : 'check the StackQL resource name (aws.<service>.<resources>) or CloudFormation type (AWS::Service::Type)',
    });
  }

  suggest(name: string): string[] {
    if (name.includes('::')) return closest(name, this.typeNames());
    const prefix = name.trim().toLowerCase().startsWith('awscc.') ? 'awscc.' : 'aws.';
    const key = normaliseStackqlName(name);
    // Compare within the same service first: far fewer, far better candidates.
    const service = key.split('.')[1] ?? '';
    const sameService = this.stackqlNames().filter((n) => n.split('.')[1] === service);
    const found = closest(key, sameService.length ? sameService : this.stackqlNames());
    const candidates = found.length ? found : closest(key, this.stackqlNames());
    return candidates.map((n) => prefix + n.slice('aws.'.length));
  }
}

function singularNameOf(typeName: string): string {
  const [, service = '', resource = ''] = typeName.split('::');
  return `aws.${service.toLowerCase()}.${snakeCase(resource)}`;
}

let shared: SchemaRegistry | undefined;

/** The process-wide registry, loaded on first use. */
export function schemaRegistry(): SchemaRegistry {
  return (shared ??= SchemaRegistry.load());
}
