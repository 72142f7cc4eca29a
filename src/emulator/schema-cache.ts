import type { SchemaRegistry, TypeSchema } from '../schema/index.js';

/** Memoised: the registry resolves names by scanning every type, too slow per request. */
export class SchemaCache {
  private readonly cache = new Map<string, TypeSchema | undefined>();

  constructor(private readonly registry: SchemaRegistry) {}

  find(typeName: string): TypeSchema | undefined {
    if (!this.cache.has(typeName)) this.cache.set(typeName, this.registry.find(typeName));
    return this.cache.get(typeName);
  }
}
