/**
 * Distils the bundled CloudFormation registry snapshot (data/cfn-registry, ~2 MB gzip of
 * 1,626 schemas) into small files commands load on demand: one index of names and one JSON file
 * per service. Runs from `npm run build` (so `npm ci` leaves it ready) and, if missing, on
 * first use.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CfnResourceSchema } from './cfn-schema.js';
import { distilSchema, type SchemaExtras } from './distil.js';
import { serviceKeyOf } from './names.js';
import { linkParents } from './parents.js';
import { packService } from './service-file.js';
import { serviceSpecExtras } from './service-spec.js';
import { readTarGz } from './tar.js';
import type { TypeSchema } from './types.js';

/** The snapshot bundled in data/cfn-registry (region and date AWS published it). */
export const BUNDLED_SNAPSHOT = 'us-east-1-2026-07-12';

/**
 * Loaded by every command, so only what a lookup needs: StackQL names to type names (a type's
 * service file is `serviceKeyOf(typeName)`, its other names derive from it).
 */
export interface RegistryIndex {
  /** Normalised StackQL name → CloudFormation type. */
  stackql: Record<string, string>;
  /** Where the schemas came from, e.g. `cfn-registry us-east-1-2026-07-12`. */
  source?: string;
}

export function bundledSnapshotPath(): string {
  const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return join(packageRoot, 'data', 'cfn-registry', `${BUNDLED_SNAPSHOT}.tar.gz`);
}

/** The resource schemas of a registry snapshot (`schemas/*.json` in a `.tar.gz`). */
export function readSnapshot(path = bundledSnapshotPath()): CfnResourceSchema[] {
  return readTarGz(readFileSync(path))
    .filter((entry) => entry.name.endsWith('.json'))
    .map((entry) => JSON.parse(entry.data.toString('utf8')) as CfnResourceSchema)
    .filter((raw) => typeof raw.typeName === 'string' && raw.properties !== undefined)
    .sort((a, b) => a.typeName.localeCompare(b.typeName));
}

/** Every registry type distilled, with parents linked across types. */
export function distilAll(raws: CfnResourceSchema[], extras: ReadonlyMap<string, SchemaExtras>): TypeSchema[] {
  const schemas = raws.map((raw) => distilSchema(raw, extras.get(raw.typeName)));
  keepResolvableRefs(schemas);
  linkParents(schemas);
  return schemas;
}

/**
 * A reference to a type the registry does not have, or to a property its target lacks, could
 * never be satisfied (the emulator would refuse every child): drop it.
 */
function keepResolvableRefs(schemas: TypeSchema[]): void {
  const byName = new Map(schemas.map((s) => [s.typeName, s]));
  const has = (type: string, property: string): boolean => {
    const target = byName.get(type);
    return target !== undefined && (property in target.properties || property in target.readOnly);
  };
  for (const schema of schemas) {
    for (const prop of Object.values(schema.properties)) {
      if (!prop.refs) continue;
      const kept = prop.refs.filter((r) => has(r.type, r.property));
      if (kept.length) prop.refs = kept;
      else delete prop.refs;
    }
  }
}

export function indexOf(
  schemas: TypeSchema[],
  source: string,
): {
  index: RegistryIndex;
  files: Map<string, Record<string, TypeSchema>>;
} {
  const index: RegistryIndex = { stackql: {}, source };
  const files = new Map<string, Record<string, TypeSchema>>();
  for (const schema of schemas) {
    const service = serviceKeyOf(schema.typeName);
    let file = files.get(service);
    if (!file) files.set(service, (file = {}));
    file[schema.typeName] = schema;
    const taken = index.stackql[schema.stackqlName];
    // The index maps each StackQL name to one type: two types sharing one would hide a type.
    if (taken !== undefined) throw new Error(`${taken} and ${schema.typeName} share ${schema.stackqlName}`);
    index.stackql[schema.stackqlName] = schema.typeName;
  }
  return { index, files };
}

export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Reads the bundled snapshot and writes the distilled registry to `outDir`. */
export function buildRegistry(outDir: string): RegistryIndex {
  const schemas = distilAll(readSnapshot(), serviceSpecExtras());
  const { index, files } = indexOf(schemas, `cfn-registry ${BUNDLED_SNAPSHOT}`);
  mkdirSync(outDir, { recursive: true });
  rmSync(join(outDir, 'index.json'), { force: true }); // incomplete until rewritten
  for (const [service, types] of files) {
    writeAtomic(join(outDir, `${service}.json`), JSON.stringify(packService(types)));
  }
  // Services of an earlier build that this one no longer has (a type AWS retired).
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.json') && name !== 'index.json' && !files.has(name.slice(0, -'.json'.length))) {
      rmSync(join(outDir, name), { force: true });
    }
  }
  writeAtomic(join(outDir, 'index.json'), JSON.stringify(index)); // last: its presence means "complete"
  return index;
}
