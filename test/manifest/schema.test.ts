import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  GLOBAL_KEYS,
  PROP_KEYS,
  RESERVED_NAMES,
  RESOURCE_KEYS,
  RESOURCE_TYPES,
  TOP_LEVEL_KEYS,
} from '../../src/manifest/keys.js';
import { FULL_MANIFEST } from './stack-fixture.js';

type Schema = Record<string, unknown>;

const schemaFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../manifests/stackql_manifest.schema.json',
);
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Schema;
const defs = schema.$defs as Record<string, Schema>;
const keysOf = (s: Schema | undefined): string[] => Object.keys(s?.properties ?? {}).sort();

/** Just enough JSON Schema to check the manifest schema against sample manifests. */
function valid(value: unknown, s: Schema): boolean {
  if (typeof s.$ref === 'string')
    return valid(value, defs[s.$ref.replace('#/$defs/', '')] as Schema) && valid(value, { ...s, $ref: undefined });
  const types = s.type === undefined ? undefined : ([] as unknown[]).concat(s.type);
  if (types !== undefined) {
    const actual =
      value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return false;
  }
  if (s.enum !== undefined && !(s.enum as unknown[]).includes(value)) return false;
  if (s.const !== undefined && s.const !== value) return false;
  if (typeof s.minLength === 'number' && typeof value === 'string' && value.length < s.minLength) return false;
  if (s.not !== undefined && valid(value, s.not as Schema)) return false;
  if (s.anyOf !== undefined && !(s.anyOf as Schema[]).some((sub) => valid(value, sub))) return false;
  if (s.oneOf !== undefined && (s.oneOf as Schema[]).filter((sub) => valid(value, sub)).length !== 1) return false;
  if (s.if !== undefined && valid(value, s.if as Schema) && s.then !== undefined && !valid(value, s.then as Schema))
    return false;
  if (Array.isArray(value) && s.items !== undefined) return value.every((item) => valid(item, s.items as Schema));
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>);
    if (((s.required ?? []) as string[]).some((key) => !(key in object))) return false;
    const count = Object.keys(object).length;
    if (
      (typeof s.minProperties === 'number' && count < s.minProperties) ||
      (typeof s.maxProperties === 'number' && count > s.maxProperties)
    )
      return false;
    for (const [key, item] of Object.entries(object)) {
      const sub =
        properties[key] ?? patterns.find(([pattern]) => new RegExp(pattern).test(key))?.[1] ?? s.additionalProperties;
      if (sub === false) return false;
      if (sub !== undefined && sub !== true && !valid(item, sub as Schema)) return false;
    }
  }
  return true;
}

describe('manifests/stackql_manifest.schema.json', () => {
  it('allows exactly the keys loadManifest allows', () => {
    expect(keysOf(schema)).toEqual([...TOP_LEVEL_KEYS].sort());
    expect(keysOf(defs.global)).toEqual([...GLOBAL_KEYS].sort());
    expect(keysOf(defs.resource)).toEqual([...RESOURCE_KEYS].sort());
    expect(keysOf(defs.prop)).toEqual([...PROP_KEYS].sort());
    for (const def of [schema, defs.global, defs.resource, defs.prop]) expect(def?.additionalProperties).toBe(false);
  });

  it('lists the same resource types and reserved names', () => {
    expect((defs.resource?.properties as Record<string, Schema>).type?.enum).toEqual([...RESOURCE_TYPES]);
    expect((defs.name?.not as Schema).enum).toEqual([...RESERVED_NAMES]);
  });

  it('describes every key', () => {
    for (const def of [schema, defs.global, defs.resource, defs.prop]) {
      for (const [key, property] of Object.entries((def?.properties ?? {}) as Record<string, Schema>)) {
        expect(typeof property.description, key).toBe('string');
      }
    }
  });

  it('accepts the manifests loadManifest accepts', () => {
    expect(valid(parse(FULL_MANIFEST), schema)).toBe(true);
    expect(
      valid(
        parse('resources:\n  - name: a\n    depends_on: b\n  - name: b\n    type: script\n    run: ./x.sh\n'),
        schema,
      ),
    ).toBe(true);
  });

  it('rejects what loadManifest rejects', () => {
    const rejected = [
      'nmae: x',
      'resources:\n  - type: resource',
      'resources:\n  - name: a\n    dependson: [b]',
      'resources:\n  - name: a\n    type: resorce',
      'resources:\n  - name: a\n    type: script',
      'resources:\n  - name: a\n    props:\n      - name: p',
      'resources:\n  - name: a\n    props:\n      - name: p\n        values: {prd: {}}',
      'globals:\n  - name: a',
      'globals:\n  - name: stack_env\n    value: x',
      'resources:\n  - name: a\n    exports: [{a: 1, b: 2}]',
      'resources:\n  - name: a\n    skip_validation: yes',
    ];
    for (const text of rejected) expect(valid(parse(text), schema), text).toBe(false);
  });
});
