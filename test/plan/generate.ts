/**
 * Deterministic sample resources from a schema, for property-style tests: a seeded PRNG keeps
 * every run identical, so a failure always reproduces.
 */
import type { TypeSchema, ValueType } from '../../src/schema/index.js';

export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleValue(type: ValueType, schema: TypeSchema, rand: () => number, depth = 0): unknown {
  const int = (n: number) => Math.floor(rand() * n);
  const word = () => `w${int(1000)}`;
  switch (type.kind) {
    case 'string':
      return type.allowed?.length ? type.allowed[int(type.allowed.length)] : word();
    case 'integer':
      return int(100000);
    case 'number':
      return int(10000) / 100;
    case 'boolean':
      return rand() < 0.5;
    case 'date-time':
      return new Date(Date.UTC(2020, int(12), 1 + int(28))).toISOString();
    case 'null':
      return null;
    case 'tag':
      return { Key: word(), Value: word() };
    case 'json':
      return { [word()]: word(), n: int(10), nested: { flag: rand() < 0.5 } };
    case 'array':
      if (depth > 3) return [];
      return Array.from({ length: 1 + int(3) }, () => sampleValue(type.element, schema, rand, depth + 1));
    case 'map': {
      if (depth > 3) return {};
      const out: Record<string, unknown> = {};
      for (let i = 0; i < 1 + int(3); i++) out[word()] = sampleValue(type.element, schema, rand, depth + 1);
      return out;
    }
    case 'ref': {
      const def = schema.definitions[type.ref];
      const out: Record<string, unknown> = {};
      if (!def || depth > 3) return out;
      for (const [name, prop] of Object.entries(def.properties)) {
        if (rand() < 0.6) out[name] = sampleValue(prop.type, schema, rand, depth + 1);
      }
      return out;
    }
    case 'union':
      return type.types[0] ? sampleValue(type.types[0], schema, rand, depth) : word();
  }
}

/** A manifest-like resource: a random subset of the writable properties, required ones always. */
export function sampleResource(schema: TypeSchema, rand: () => number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (prop.required || rand() < 0.7) out[name] = sampleValue(prop.type, schema, rand);
  }
  return out;
}

/** The same values as a service or template might spell them: scalars as text, objects as JSON. */
export function respell(value: unknown, type: ValueType | undefined): unknown {
  if (type === undefined) return value;
  if (type.kind === 'integer' || type.kind === 'number' || type.kind === 'boolean') {
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  }
  if (type.kind === 'json' || type.kind === 'map' || type.kind === 'ref') {
    return typeof value === 'object' && value !== null ? JSON.stringify(reverseKeys(value)) : value;
  }
  return value;
}

export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}
