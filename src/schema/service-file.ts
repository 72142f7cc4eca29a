/**
 * The registry's per-service file. Types of one service often share big definitions (QuickSight's
 * Dashboard, Analysis and Template carry the same hundreds), so each distinct definition is
 * stored once and types refer to it by number: QuickSight's file halves (620 → 310 KB), and with
 * it the time to parse it.
 */
import type { DefinitionSchema, TypeSchema } from './types.js';

type PackedType = Omit<TypeSchema, 'definitions'> & { definitions: Record<string, number> };

export interface ServiceFile {
  /** Distinct definitions of the service's types. */
  shared: DefinitionSchema[];
  types: Record<string, PackedType>;
}

export function packService(types: Record<string, TypeSchema>): ServiceFile {
  const file: ServiceFile = { shared: [], types: {} };
  const numbers = new Map<string, number>();
  for (const [typeName, schema] of Object.entries(types)) {
    const definitions: Record<string, number> = {};
    for (const [id, definition] of Object.entries(schema.definitions)) {
      const key = JSON.stringify(definition);
      let n = numbers.get(key);
      if (n === undefined) {
        n = file.shared.push(definition) - 1;
        numbers.set(key, n);
      }
      definitions[id] = n;
    }
    file.types[typeName] = { ...schema, definitions };
  }
  return file;
}

/** One type of a parsed service file, its definitions resolved (shared objects: do not mutate). */
export function unpackType(file: ServiceFile, typeName: string): TypeSchema | undefined {
  const packed = file.types[typeName];
  if (!packed) return undefined;
  const definitions: Record<string, DefinitionSchema> = {};
  for (const [id, n] of Object.entries(packed.definitions)) definitions[id] = file.shared[n] as DefinitionSchema;
  return { ...packed, definitions };
}
