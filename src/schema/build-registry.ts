/**
 * Distils `@aws-cdk/aws-service-spec` (a 2.6 MB gzip, ~270 ms to parse) into small files
 * that commands load on demand: one index of names and one JSON file per service.
 * Runs from `npm run build` (so `npm ci` leaves it ready) and, if missing, on first use.
 */
import { gunzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stackqlNameOf } from './names.js';
import { WRITE_ONLY } from './write-only.js';
import type { DefinitionSchema, ParentLink, PropertySchema, TypeSchema, ValueType } from './types.js';

interface RawType {
  type: string;
  element?: RawType;
  types?: RawType[];
  reference?: { $ref: string };
  allowedValues?: (string | number)[];
}
interface RawProperty {
  type: RawType;
  required?: boolean;
  causesReplacement?: string;
  defaultValue?: string;
  relationshipRefs?: { cloudFormationType: string; propertyName: string }[];
}
interface RawResource {
  $id: string;
  cloudFormationType: string;
  primaryIdentifier?: string[];
  properties: Record<string, RawProperty>;
  attributes: Record<string, { type: RawType }>;
  tagInformation?: { tagPropertyName: string };
  arnTemplate?: string;
}
interface RawDefinition {
  $id: string;
  name: string;
  properties: Record<string, RawProperty>;
}

export interface RegistryIndex {
  /** CloudFormation type → service file key. */
  services: Record<string, string>;
  /** Normalised StackQL name → CloudFormation type. */
  stackql: Record<string, string>;
}

function convertType(raw: RawType, used: Set<string>): ValueType {
  switch (raw.type) {
    case 'string':
      return raw.allowedValues ? { kind: 'string', allowed: raw.allowedValues.map(String) } : { kind: 'string' };
    case 'array':
    case 'map':
      return { kind: raw.type, element: convertType(raw.element ?? { type: 'json' }, used) };
    case 'ref': {
      const ref = raw.reference?.$ref ?? '';
      used.add(ref);
      return { kind: 'ref', ref };
    }
    case 'union':
      return { kind: 'union', types: (raw.types ?? []).map((t) => convertType(t, used)) };
    case 'integer':
    case 'number':
    case 'boolean':
    case 'json':
    case 'date-time':
    case 'tag':
    case 'null':
      return { kind: raw.type };
    default:
      return { kind: 'json' };
  }
}

function convertProperty(raw: RawProperty, used: Set<string>): PropertySchema {
  const prop: PropertySchema = { type: convertType(raw.type, used) };
  if (raw.required) prop.required = true;
  if (raw.causesReplacement === 'yes') prop.createOnly = true;
  if (raw.defaultValue !== undefined) {
    try {
      prop.default = JSON.parse(raw.defaultValue);
    } catch {
      prop.default = raw.defaultValue;
    }
  }
  if (raw.relationshipRefs?.length) {
    prop.refs = raw.relationshipRefs.map((r) => ({ type: r.cloudFormationType, property: r.propertyName }));
  }
  return prop;
}

/**
 * Parents: required, create-only properties that reference another type; and, where the spec
 * has no reference, a primary-identifier part naming another type of the same service whose
 * sole identifier it is (Stage.ApiId → Api).
 */
function parentsOf(res: RawResource, soleIdentifierOwner: Map<string, string>): ParentLink[] {
  const parents: ParentLink[] = [];
  const service = res.cloudFormationType.split('::').slice(0, 2).join('::');
  for (const [name, prop] of Object.entries(res.properties)) {
    if (!prop.required || prop.causesReplacement !== 'yes') continue;
    const targets = (prop.relationshipRefs ?? [])
      .filter((r) => r.cloudFormationType !== res.cloudFormationType)
      .map((r) => ({ type: r.cloudFormationType, property: r.propertyName }));
    if (targets.length === 0 && res.primaryIdentifier?.includes(name)) {
      const owner = soleIdentifierOwner.get(`${service}::${name}`);
      if (owner && owner !== res.cloudFormationType) targets.push({ type: owner, property: name });
    }
    if (targets.length > 0) parents.push({ property: name, targets });
  }
  return parents;
}

export function distil(db: {
  schema: Record<string, { entities?: unknown[]; forward?: Record<string, { $id: string }[]> }>;
}): {
  index: RegistryIndex;
  files: Map<string, Record<string, TypeSchema>>;
} {
  const resources = (db.schema['resource']?.entities ?? []) as RawResource[];
  const definitions = new Map<string, RawDefinition>();
  for (const def of (db.schema['typeDefinition']?.entities ?? []) as RawDefinition[]) definitions.set(def.$id, def);

  const soleIdentifierOwner = new Map<string, string>();
  for (const res of resources) {
    const ids = res.primaryIdentifier ?? [];
    // Only the type that generates the identifier owns it (Api owns ApiId; ManagedOverrides
    // merely takes one).
    if (ids.length === 1 && ids[0] !== undefined && ids[0] in res.attributes) {
      const service = res.cloudFormationType.split('::').slice(0, 2).join('::');
      soleIdentifierOwner.set(`${service}::${ids[0]}`, res.cloudFormationType);
    }
  }

  const index: RegistryIndex = { services: {}, stackql: {} };
  const files = new Map<string, Record<string, TypeSchema>>();
  for (const res of resources) {
    const typeName = res.cloudFormationType;
    const service = (typeName.split('::')[1] ?? 'unknown').toLowerCase();
    const used = new Set<string>();
    const properties: Record<string, PropertySchema> = {};
    for (const [name, raw] of Object.entries(res.properties)) properties[name] = convertProperty(raw, used);
    const readOnly: Record<string, ValueType> = {};
    for (const [name, attr] of Object.entries(res.attributes)) {
      if (!name.includes('.') && !(name in properties)) readOnly[name] = convertType(attr.type, used);
    }
    // Definitions reference further definitions: close over them.
    const defs: Record<string, DefinitionSchema> = {};
    const queue = [...used];
    while (queue.length > 0) {
      const id = queue.pop() as string;
      if (defs[id]) continue;
      const raw = definitions.get(id);
      if (!raw) continue;
      const inner = new Set<string>();
      const props: Record<string, PropertySchema> = {};
      for (const [name, p] of Object.entries(raw.properties)) props[name] = convertProperty(p, inner);
      defs[id] = { name: raw.name, properties: props };
      queue.push(...inner);
    }
    const parents = parentsOf(res, soleIdentifierOwner);
    const primaryIdentifier = res.primaryIdentifier ?? [];
    const schema: TypeSchema = {
      typeName,
      stackqlName: stackqlNameOf(typeName),
      primaryIdentifier,
      properties,
      readOnly,
      writeOnly: WRITE_ONLY[typeName] ?? [],
      writeOnlyPaths: [],
      createOnlyPaths: [],
      handlers: ['create', 'read', 'update', 'delete', 'list'],
      definitions: defs,
      parents,
      listRequires: primaryIdentifier.filter((id) => parents.some((p) => p.property === id)),
    };
    if (res.tagInformation) schema.tagProperty = res.tagInformation.tagPropertyName;
    if (res.arnTemplate) schema.arnTemplate = res.arnTemplate;
    let file = files.get(service);
    if (!file) files.set(service, (file = {}));
    file[typeName] = schema;
    index.services[typeName] = service;
    index.stackql[schema.stackqlName] = typeName;
  }
  return { index, files };
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Reads the spec database from node_modules and writes the distilled registry to `outDir`. */
export function buildRegistry(outDir: string): RegistryIndex {
  const require = createRequire(import.meta.url);
  const specDir = dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
  const db = JSON.parse(gunzipSync(readFileSync(join(specDir, 'db.json.gz'))).toString('utf8')) as Parameters<
    typeof distil
  >[0];
  const { index, files } = distil(db);
  mkdirSync(outDir, { recursive: true });
  for (const [service, types] of files) writeAtomic(join(outDir, `${service}.json`), JSON.stringify(types));
  writeAtomic(join(outDir, 'index.json'), JSON.stringify(index)); // last: its presence means "complete"
  return index;
}
