import { describe, expect, it } from 'vitest';
import { hasWriteOnlyMembers, isWriteOnlyPath, writeOnlyPart } from '../../../src/plan/normalize/write-only.js';
import { typeSchema } from './schema.js';

const schema = typeSchema({
  writeOnly: ['Password'],
  writeOnlyPaths: [
    ['Code', 'S3Key'],
    ['Tunnels', '*', 'PreSharedKey'],
  ],
});

describe('write-only paths', () => {
  it('knows top-level and nested write-only values', () => {
    expect(isWriteOnlyPath(schema, ['Password'])).toBe(true);
    expect(isWriteOnlyPath(schema, ['Code', 'S3Key'])).toBe(true);
    expect(isWriteOnlyPath(schema, ['Code', 'S3Bucket'])).toBe(false);
    expect(isWriteOnlyPath(schema, ['Tunnels', '*', 'PreSharedKey'])).toBe(true);
    expect(isWriteOnlyPath(schema, ['Code'])).toBe(false);
    expect(hasWriteOnlyMembers(schema, 'Code')).toBe(true);
    expect(hasWriteOnlyMembers(schema, 'Password')).toBe(false);
  });

  it('keeps only the write-only parts of a value, elements in their places', () => {
    expect(writeOnlyPart(schema, { S3Bucket: 'b', S3Key: 'k' }, ['Code'])).toEqual({ S3Key: 'k' });
    expect(writeOnlyPart(schema, { S3Bucket: 'b' }, ['Code'])).toBeUndefined();
    expect(writeOnlyPart(schema, [{ Cidr: 'a' }, { Cidr: 'b', PreSharedKey: 's' }], ['Tunnels'])).toEqual([
      null,
      { PreSharedKey: 's' },
    ]);
    expect(writeOnlyPart(schema, 'secret', ['Password'])).toBe('secret');
    expect(writeOnlyPart(schema, null, ['Password'])).toBeUndefined();
  });
});
