import { describe, expect, it } from 'vitest';
import {
  looseScalarEqual,
  sameBoolean,
  sameInstant,
  sameNumber,
  scalarText,
  toBoolean,
  toNumber,
} from '../../../src/plan/normalize/scalars.js';

describe('scalars by schema type', () => {
  it('reads numbers and booleans from their text', () => {
    expect(toNumber(' 30000 ')).toBe(30000);
    expect(toNumber('')).toBeUndefined();
    expect(toNumber('1e3')).toBe(1000);
    expect(toBoolean('TRUE')).toBe(true);
    expect(toBoolean('yes')).toBeUndefined();
    expect(scalarText(5)).toBe('5');
    expect(scalarText({})).toBeUndefined();
  });

  it('compares numbers, booleans and instants by value', () => {
    expect(sameNumber('5', 5)).toBe(true);
    expect(sameNumber('1.50', 1.5)).toBe(true);
    expect(sameNumber('x', 'x')).toBe(false);
    expect(sameBoolean('true', true)).toBe(true);
    expect(sameBoolean('false', true)).toBe(false);
    expect(sameInstant('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z')).toBe(true);
    expect(sameInstant('2024-01-01T00:00:00Z', '2024-01-01T01:00:00+01:00')).toBe(true);
    expect(sameInstant('2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z')).toBe(false);
  });

  it('reads untyped scalars loosely across types only', () => {
    expect(looseScalarEqual(5, '5')).toBe(true);
    expect(looseScalarEqual('true', true)).toBe(true);
    expect(looseScalarEqual('5', '5.0')).toBe(false);
  });
});
