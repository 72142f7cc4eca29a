import { describe, expect, it } from 'vitest';
import { isOff, withoutNullElements } from '../../../src/plan/normalize/absent.js';

describe('off and empty values', () => {
  it.each<[unknown, boolean]>([
    [false, true],
    ['', true],
    [[], true],
    [{}, true],
    [[null], true],
    [{ SSEEnabled: false }, true],
    [{ A: { B: [] }, C: '' }, true],
    [true, false],
    [0, false],
    ['x', false],
    [[1], false],
    [{ Enabled: true }, false],
  ])('%j is off: %s', (value, off) => {
    expect(isOff(value)).toBe(off);
  });

  it('drops null elements, keeping the list itself when there are none', () => {
    expect(withoutNullElements([null, 1, undefined])).toEqual([1]);
    const list = [1, 2];
    expect(withoutNullElements(list)).toBe(list);
  });
});
