/**
 * What a type's schema gives, worked out once per schema, not for every resource of the type
 * (schemas live as long as their registry; a WeakMap lets them go with it).
 */
import type { TypeSchema } from './types.js';

export function perSchema<T>(compute: (schema: TypeSchema) => T): (schema: TypeSchema) => T {
  const known = new WeakMap<TypeSchema, T>();
  return (schema) => {
    if (known.has(schema)) return known.get(schema) as T;
    const value = compute(schema);
    known.set(schema, value);
    return value;
  };
}
