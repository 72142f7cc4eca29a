import { describe, expect, it } from 'vitest';
import { changedCreateOnlyPaths, isCreateOnlyPath, valuesAt } from '../../../src/plan/normalize/create-only.js';
import { typeSchema } from './schema.js';

const schema = typeSchema({
  createOnlyPaths: [
    ['Replicas', '*', 'Region'],
    ['Storage', 'Encrypted'],
  ],
});
const same = (a: unknown, b: unknown): boolean => a === b;

describe('nested create-only paths', () => {
  it('finds the values at a path, through arrays', () => {
    const replicas = [{ Region: 'us-east-1', Class: 'A' }, { Region: 'eu-west-1' }, {}];
    expect(valuesAt(replicas, ['Replicas', '*', 'Region'])).toEqual(['us-east-1', 'eu-west-1']);
    expect(valuesAt({ Encrypted: false }, ['Storage', 'Encrypted'])).toEqual([false]);
    expect(valuesAt(undefined, ['Storage', 'Encrypted'])).toEqual([]);
    expect(isCreateOnlyPath(schema, ['Replicas', '*', 'Region'])).toBe(true);
    expect(isCreateOnlyPath(schema, ['Replicas', '*', 'Class'])).toBe(false);
  });

  it('names a path only when a declared value there has no equal in the read', () => {
    const read = [
      { Region: 'eu-west-1', Class: 'B' },
      { Region: 'us-east-1', Class: 'B' },
    ];
    // Another member changed: an update, not a replacement.
    expect(changedCreateOnlyPaths(schema, 'Replicas', [{ Region: 'us-east-1', Class: 'A' }], read, same)).toEqual([]);
    expect(changedCreateOnlyPaths(schema, 'Replicas', [{ Region: 'ap-south-1' }], read, same)).toEqual([
      ['Replicas', '*', 'Region'],
    ]);
    // Not reported by the read: no evidence of a change.
    expect(changedCreateOnlyPaths(schema, 'Storage', { Encrypted: true, Size: 8 }, { Size: 10 }, same)).toEqual([]);
    // Not declared: never a replacement, whatever the service holds.
    expect(changedCreateOnlyPaths(schema, 'Storage', { Size: 8 }, { Encrypted: true, Size: 10 }, same)).toEqual([]);
  });
});
