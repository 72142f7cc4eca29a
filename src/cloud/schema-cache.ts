/**
 * DescribeType answers cached in the user's cache directory, per region, type and version:
 *
 *   $XDG_CACHE_HOME/deploy/schemas/<region>/<AWS.Service.Type>/<version>.json   the answer
 *   $XDG_CACHE_HOME/deploy/schemas/<region>/<AWS.Service.Type>/current.json     which version is current
 *
 * (`~/.cache/deploy/schemas` without XDG_CACHE_HOME). Versions are immutable, so a version file
 * is written once; `current.json` moves when a refresh finds a newer one. Every write goes to a
 * temporary file renamed into place, so a reader never sees half a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { distilDescribed, type SchemaRegistry, type TypeSchema } from '../schema/index.js';
import type { DescribeType, TypeDescription } from './describe-type.js';

export function schemaCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg) return join(xdg, 'deploy', 'schemas');
  return join(env['HOME'] || homedir(), '.cache', 'deploy', 'schemas');
}

interface CachedVersion extends TypeDescription {
  region: string;
  version: string;
  fetchedAt: string;
}

interface CurrentPointer {
  version: string;
  fetchedAt: string;
}

export interface FetchedSchema {
  schema: TypeSchema;
  version: string;
  provisioningType?: string;
  fetchedAt: string;
  fromCache: boolean;
}

/** `AWS::S3::Bucket` → `AWS.S3.Bucket`: a directory name on every file system. */
const typeDir = (cacheDir: string, region: string, typeName: string): string =>
  join(cacheDir, safe(region), safe(typeName.replace(/::/g, '.')));

const safe = (part: string): string => part.replace(/[^A-Za-z0-9._-]/g, '_');

/** The registry's version id, or for a type without one a digest of its schema text. */
function versionOf(description: TypeDescription): string {
  if (description.versionId) return safe(description.versionId);
  return `sha256-${createHash('sha256').update(description.schema).digest('hex').slice(0, 16)}`;
}

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined; // unreadable: as if not cached, the next fetch rewrites it
  }
}

function fetched(entry: CachedVersion, current: CurrentPointer, fromCache: boolean): FetchedSchema {
  const result: FetchedSchema = {
    schema: distilDescribed(entry.schema, entry.provisioningType),
    version: entry.version,
    fetchedAt: current.fetchedAt,
    fromCache,
  };
  if (entry.provisioningType !== undefined) result.provisioningType = entry.provisioningType;
  return result;
}

/** The cached current schema of a type in a region, if any. */
export function cachedSchema(cacheDir: string, region: string, typeName: string): FetchedSchema | undefined {
  const dir = typeDir(cacheDir, region, typeName);
  const current = readJson<CurrentPointer>(join(dir, 'current.json'));
  const entry = current && readJson<CachedVersion>(join(dir, `${safe(current.version)}.json`));
  return current && entry ? fetched(entry, current, true) : undefined;
}

export interface FetchSchemaInput {
  describe: DescribeType;
  cacheDir: string;
  region: string;
  typeName: string;
  /** Ask AWS even when a current version is cached. */
  refresh?: boolean;
  now?: () => Date;
}

/** A type's current schema: from the cache, or (missing, or `refresh`) from DescribeType, then cached. */
export async function fetchSchema(input: FetchSchemaInput): Promise<FetchedSchema> {
  const { cacheDir, region, typeName } = input;
  if (!input.refresh) {
    const cached = cachedSchema(cacheDir, region, typeName);
    if (cached) return cached;
  }
  const description = await input.describe({ region, typeName });
  const version = versionOf(description);
  const fetchedAt = (input.now?.() ?? new Date()).toISOString();
  const dir = typeDir(cacheDir, region, typeName);
  const entry: CachedVersion = { ...description, region, version, fetchedAt };
  const versionFile = join(dir, `${version}.json`);
  if (!existsSync(versionFile)) writeAtomic(versionFile, JSON.stringify(entry));
  const current: CurrentPointer = { version, fetchedAt };
  writeAtomic(join(dir, 'current.json'), JSON.stringify(current));
  return fetched(entry, current, false);
}

/** For SchemaRegistry.useOverlays: the cached current schemas of one region, read on demand. */
export function cacheOverlaySource(cacheDir: string, region: string): (typeName: string) => TypeSchema | undefined {
  return (typeName) => cachedSchema(cacheDir, region, typeName)?.schema;
}

/** Type names cached for a region (`AWS.S3.Bucket` directories). */
export function cachedTypeNames(cacheDir: string, region: string): string[] {
  const dir = join(cacheDir, safe(region));
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^[A-Za-z0-9]+\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/.test(name))
    .map((name) => name.replace(/\./g, '::'));
}

/**
 * Makes `registry` answer with the region's cached schemas: known types on first use (one
 * file read each), types newer than the bundle at once (they must be known to be found).
 */
export function useCachedSchemas(registry: SchemaRegistry, cacheDir: string, region: string): void {
  registry.useOverlays(cacheOverlaySource(cacheDir, region));
  for (const typeName of cachedTypeNames(cacheDir, region)) {
    if (registry.typeNameOf(typeName) !== undefined) continue;
    const cached = cachedSchema(cacheDir, region, typeName);
    if (cached) registry.overlay(cached.schema);
  }
}
