/**
 * Referential integrity from the schemas' parent links: a child cannot be created without its
 * parent, and a parent cannot be deleted while children live. AWS is laxer for some types;
 * being strict here is on purpose, it surfaces ordering bugs in the engine.
 */
import type { TypeSchema } from '../schema/index.js';
import type { SchemaCache } from './schema-cache.js';
import type { StoredResource } from './records.js';
import type { CloudState } from './state.js';
import type { Model } from './types.js';

export class Integrity {
  constructor(
    private readonly schemas: SchemaCache,
    private readonly state: CloudState,
  ) {}

  /** Why the model's parents are not all live, or undefined when they are. */
  missingParent(region: string, schema: TypeSchema, model: Model): string | undefined {
    for (const link of schema.parents) {
      const value = model[link.property];
      if (value === undefined) continue;
      const found = link.targets.some((target) => this.exists(region, target.type, target.property, value));
      if (!found) {
        const types = link.targets.map((t) => `${t.type} with ${t.property} '${String(value)}'`).join(' or ');
        return `Parent resource not found: ${schema.typeName} needs ${types} (from ${link.property}).`;
      }
    }
    return undefined;
  }

  /** A live resource whose parent link points at `resource`, if any. */
  liveChild(resource: StoredResource): StoredResource | undefined {
    for (const typeName of this.state.typesIn(resource.region)) {
      const schema = this.schemas.find(typeName);
      for (const link of schema?.parents ?? []) {
        for (const target of link.targets) {
          if (target.type !== resource.typeName) continue;
          const value = resource.model[target.property];
          if (value === undefined) continue;
          for (const candidate of this.state.resourcesOf(resource.region, typeName)) {
            if (candidate !== resource && candidate.model[link.property] === value) return candidate;
          }
        }
      }
    }
    return undefined;
  }

  private exists(region: string, typeName: string, property: string, value: unknown): boolean {
    const schema = this.schemas.find(typeName);
    // The common case, a parent's own identifier, is a direct lookup rather than a scan.
    if (
      schema?.primaryIdentifier.length === 1 &&
      schema.primaryIdentifier[0] === property &&
      typeof value === 'string'
    ) {
      return this.state.resource(region, typeName, value) !== undefined;
    }
    for (const candidate of this.state.resourcesOf(region, typeName)) {
      if (candidate.model[property] === value) return true;
    }
    return false;
  }
}

export function describeChild(child: StoredResource): string {
  return `${child.typeName} '${child.identifier}'`;
}
