/**
 * The type registry: resolves StackQL names (`aws.apigatewayv2.integrations`, `awscc.…`) and
 * CloudFormation names (`AWS::ApiGatewayV2::Integration`) to TypeSchemas. Loads the small
 * name index once and one service file per service actually used, so a command touching a
 * handful of types never parses the whole spec database.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeployError } from '../errors/index.js';
import { buildRegistry, serviceKeyOf, type RegistryIndex } from './build-registry.js';
import { normaliseStackqlName, snakeCase } from './names.js';
import { overlaySchema } from './overlay.js';
import { closest } from './suggest.js';
import type { TypeSchema } from './types.js';

/** Where the distilled registry lives: `<package>/dist/schema-data` (written by the build). */
export function registryDir(): string {
  const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return process.env['DEPLOY_SCHEMA_DIR'] ?? join(packageRoot, 'dist', 'schema-data');
}

/** Current schemas by type name (e.g. from a cache of DescribeType answers); undefined: none. */
export type OverlaySource = (typeName: string) => TypeSchema | undefined;

export class SchemaRegistry {
  private readonly services = new Map<string, Record<string, TypeSchema>>();
  private readonly singular = new Map<string, string>();
  /** Fetched schemas laid over the bundled ones (undefined: looked up, none). */
  private readonly overlays = new Map<string, TypeSchema | undefined>();
  private overlaySource: OverlaySource | undefined;

  constructor(
    private readonly dir: string,
    private readonly index: RegistryIndex,
  ) {
    for (const typeName of Object.values(index.stackql)) this.addSingular(typeName);
  }

  /** Also accept singular StackQL names (`aws.s3.bucket`): a common slip worth resolving. */
  private addSingular(typeName: string): void {
    const [, service = '', resource = ''] = typeName.split('::');
    this.singular.set(`aws.${service.toLowerCase()}.${snakeCase(resource)}`, typeName);
  }

  static load(dir = registryDir()): SchemaRegistry {
    const indexPath = join(dir, 'index.json');
    const index: RegistryIndex = existsSync(indexPath)
      ? (JSON.parse(readFileSync(indexPath, 'utf8')) as RegistryIndex)
      : buildRegistry(dir);
    return new SchemaRegistry(dir, index);
  }

  /** Every CloudFormation type name known. */
  typeNames(): string[] {
    return Object.keys(this.index.services);
  }

  /** Every StackQL name known (`aws.` form). */
  stackqlNames(): string[] {
    return Object.keys(this.index.stackql);
  }

  /** The CloudFormation type for a StackQL or CloudFormation name, or undefined. */
  typeNameOf(name: string): string | undefined {
    if (name.includes('::')) {
      const wanted = name.toLowerCase();
      return this.typeNames().find((t) => t.toLowerCase() === wanted);
    }
    const key = normaliseStackqlName(name);
    return this.index.stackql[key] ?? this.singular.get(key);
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
    const service = this.index.services[typeName];
    if (service === undefined) return undefined;
    let file = this.services.get(service);
    if (!file) {
      const path = join(this.dir, `${service}.json`);
      // A type only an overlay brought has no service file.
      file = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, TypeSchema>) : {};
      this.services.set(service, file);
    }
    return file[typeName];
  }

  /**
   * Lays a fetched schema (distilDescribed) over the bundled one: from now on this registry
   * answers with it. A type the bundle lacks (newer than the snapshot) becomes known.
   */
  overlay(fetched: TypeSchema): TypeSchema {
    const typeName = fetched.typeName;
    const merged = overlaySchema(fetched, this.bundled(typeName));
    if (this.index.services[typeName] === undefined) {
      this.index.services[typeName] = serviceKeyOf(typeName);
      this.index.stackql[merged.stackqlName] = typeName;
      this.addSingular(typeName);
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

let shared: SchemaRegistry | undefined;

/** The process-wide registry, loaded on first use. */
export function schemaRegistry(): SchemaRegistry {
  return (shared ??= SchemaRegistry.load());
}
