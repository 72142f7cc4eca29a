/**
 * A type's current schema (fetched from AWS with DescribeType) over the bundled one. The fetched
 * schema is the truth for everything the registry says; what the registry never says (ARN
 * template, relationship references, parents linked across types) carries over from the bundle.
 * (distilDescribed in distil.ts turns a DescribeType answer into the `fetched` TypeSchema.)
 */
import { parentsOf } from './parents.js';
import type { ParentLink, TypeSchema } from './types.js';

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
