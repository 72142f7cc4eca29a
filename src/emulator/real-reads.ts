/**
 * What recorded reads from real AWS say about each type (data/real-reads.json, distilled by
 * scripts/distil-real-reads.mjs; sources in data/README.md): how the service forms the values
 * it generates, and which defaults it fills in. Loaded on first use.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A default the service fills in, possibly only when another property has a value. */
export interface ObservedDefault {
  /** A value template (see value-template.ts). */
  value: unknown;
  /** Filled only when these properties have these values. */
  when?: Record<string, unknown>;
  /** Filled only when this property is set. */
  whenSet?: string;
}

interface TypeFacts {
  samples: number;
  /** Read-only attribute → value template. */
  attributes?: Record<string, unknown>;
  /** Property path (`A` or `A.B`) → default. */
  defaults?: Record<string, ObservedDefault>;
}

interface RealReads {
  types: Record<string, TypeFacts>;
  /** Service (`EC2`) → property name (`VpcId`) → value template, for types without samples. */
  byName: Record<string, Record<string, string>>;
}

let loaded: RealReads | undefined;

function data(): RealReads {
  // The same two levels up from src/emulator (tests) and dist/emulator (the build).
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  loaded ??= JSON.parse(readFileSync(join(root, 'src', 'emulator', 'data', 'real-reads.json'), 'utf8')) as RealReads;
  return loaded;
}

/**
 * How the service generates a read-only attribute of the type: from the type's own samples,
 * else from the format the attribute's name has in other types of the service (a type's own
 * `Id` is what the others call `<Type>Id`).
 */
export function attributeTemplate(typeName: string, name: string): unknown {
  const facts = data().types[typeName]?.attributes;
  if (facts && Object.hasOwn(facts, name)) return facts[name];
  const [, service = '', short = ''] = typeName.split('::');
  const byName = data().byName[service] ?? {};
  const key = name === 'Id' ? `${short}Id` : name;
  return Object.hasOwn(byName, key) ? byName[key] : undefined;
}

/** The defaults the service was seen to fill in for the type, by property path. */
export function observedDefaults(typeName: string): Record<string, ObservedDefault> {
  return data().types[typeName]?.defaults ?? {};
}
