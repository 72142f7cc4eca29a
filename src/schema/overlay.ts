/**
 * A type's current schema (fetched from AWS with DescribeType) over the bundled one. The fetched
 * schema is the truth for everything the registry says; what the registry never says (ARN
 * template, relationship references, parents linked across types) carries over from the bundle.
 */
import type { CfnResourceSchema } from './cfn-schema.js';
import { distilSchema } from './distil.js';
import { parentsOf } from './parents.js';
import type { ParentLink, TypeSchema } from './types.js';

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

export function overlaySchema(fetched: TypeSchema, bundled: TypeSchema | undefined): TypeSchema {
  const result: TypeSchema = structuredClone(fetched);
  if (!bundled) {
    result.parents = parentsOf(result, new Map());
    return result;
  }
  if (result.arnTemplate === undefined && bundled.arnTemplate !== undefined) result.arnTemplate = bundled.arnTemplate;
  for (const [name, prop] of Object.entries(result.properties)) {
    const refs = bundled.properties[name]?.refs;
    if (!prop.refs && refs) prop.refs = structuredClone(refs);
  }
  // Bundled links hold while their property is still a required, create-only one; references
  // the fetched schema adds make links of their own.
  const kept = bundled.parents.filter((link) => {
    const prop = result.properties[link.property];
    return prop?.required === true && prop.createOnly === true;
  });
  const added = parentsOf(result, new Map()).filter((link) => !kept.some((k) => k.property === link.property));
  result.parents = [...kept, ...added].map((link): ParentLink => structuredClone(link));
  return result;
}
