/**
 * One registry schema → one TypeSchema. Used by the build for the bundled snapshot and at run
 * time for schemas fetched from AWS (DescribeType), so both give the engine the same facts.
 * Parents are linked afterwards across all types (see parents.ts).
 */
import type { CfnResourceSchema } from './cfn-schema.js';
import { stackqlNameOf } from './names.js';
import { identifierName, pointerPath, splitPointers } from './pointers.js';
import type { Handler, PropertySchema, TypeSchema, ValueType } from './types.js';
import { ValueTypes } from './value-types.js';

const HANDLERS: readonly Handler[] = ['create', 'read', 'update', 'delete', 'list'];

/** Facts the registry schemas lack, from another source (see service-spec.ts). */
export interface SchemaExtras {
  /** Relationship references by top-level property, added to the registry's own. */
  refs?: Record<string, { type: string; property: string }[]>;
  arnTemplate?: string;
}

export function distilSchema(raw: CfnResourceSchema, extras: SchemaExtras = {}): TypeSchema {
  const createOnly = splitPointers(raw.createOnlyProperties);
  const writeOnly = splitPointers(raw.writeOnlyProperties);
  // A property both read-only and create-only (5 types, e.g. CodeArtifact Domain's
  // EncryptionKey) is one the user may set on create: writable wins.
  const readOnlyNames = new Set(splitPointers(raw.readOnlyProperties).top.filter((n) => !createOnly.top.includes(n)));
  const required = new Set(raw.required ?? []);
  const types = new ValueTypes(raw);

  const properties: Record<string, PropertySchema> = {};
  const readOnly: Record<string, ValueType> = {};
  for (const [name, node] of Object.entries(raw.properties ?? {})) {
    if (readOnlyNames.has(name)) {
      readOnly[name] = types.typeOf(node, `$.${name}`);
      continue;
    }
    const prop = types.property(node, `$.${name}`, required.has(name));
    if (createOnly.top.includes(name)) prop.createOnly = true;
    const refs = mergeRefs(prop.refs, extras.refs?.[name]);
    if (refs.length) prop.refs = refs;
    properties[name] = prop;
  }

  const schema: TypeSchema = {
    typeName: raw.typeName,
    stackqlName: stackqlNameOf(raw.typeName),
    primaryIdentifier: (raw.primaryIdentifier ?? []).map(identifierName).filter((n): n is string => n !== undefined),
    properties,
    readOnly,
    writeOnly: writeOnly.top.filter((name) => name in properties),
    writeOnlyPaths: writeOnly.nested,
    createOnlyPaths: createOnly.nested,
    handlers: HANDLERS.filter((h) => raw.handlers?.[h] !== undefined),
    definitions: types.definitions,
    parents: [],
    listRequires: listRequiresOf(raw),
  };
  const tagProperty = tagPropertyOf(raw);
  if (tagProperty !== undefined) schema.tagProperty = tagProperty;
  if (extras.arnTemplate !== undefined) schema.arnTemplate = extras.arnTemplate;
  return schema;
}

/**
 * The keys a ListResources call must carry. A few list handlers accept one of several sets
 * (a Listener by LoadBalancerArn or by ListenerArns): the first set is the one the engine fills.
 */
function listRequiresOf(raw: CfnResourceSchema): string[] {
  const handlerSchema = raw.handlers?.list?.handlerSchema;
  if (!handlerSchema) return [];
  if (handlerSchema.required?.length) return [...handlerSchema.required];
  const first = (handlerSchema.oneOf ?? handlerSchema.anyOf)?.[0];
  return [...(first?.required ?? [])];
}

/** `tagging.tagProperty`, or `Tags` when the type is taggable (the default) and has one. */
function tagPropertyOf(raw: CfnResourceSchema): string | undefined {
  const taggable = raw.tagging?.taggable ?? raw.taggable ?? true;
  if (!taggable) return undefined;
  const pointer = raw.tagging?.tagProperty;
  const name = pointer === undefined ? 'Tags' : pointerPath(pointer)?.join('/');
  return name !== undefined && name in (raw.properties ?? {}) ? name : undefined;
}

function mergeRefs(own: PropertySchema['refs'], more: PropertySchema['refs']): { type: string; property: string }[] {
  const all = [...(own ?? []), ...(more ?? [])];
  return [...new Map(all.map((r) => [`${r.type}.${r.property}`, r])).values()];
}

/**
 * Distils a DescribeType answer with the build's own function. `NON_PROVISIONABLE` means Cloud
 * Control lacks a create, read or delete handler for it: whatever the schema lists, it cannot be
 * created, so `create` is dropped and provisionable() says no.
 */
export function distilDescribed(schemaText: string, provisioningType?: string): TypeSchema {
  const schema = distilSchema(JSON.parse(schemaText) as CfnResourceSchema);
  if (provisioningType === 'NON_PROVISIONABLE') schema.handlers = schema.handlers.filter((h) => h !== 'create');
  return schema;
}
