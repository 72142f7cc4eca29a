import { describe, expect, it } from 'vitest';
import { matchElements } from '../../../src/plan/normalize/multiset.js';

describe('matching elements', () => {
  it('pairs every left element with its own right element', () => {
    expect(matchElements(2, 2, (l, r) => l === 1 - r)).toEqual([1, 0]);
    expect(matchElements(1, 3, (_l, r) => r === 2)).toEqual([2]);
  });

  it('finds a full matching a greedy pass would miss', () => {
    // Left 0 matches both right elements, left 1 only the first: greedy takes it for left 0.
    const fits = [
      [true, true],
      [true, false],
    ];
    expect(matchElements(2, 2, (l, r) => fits[l]?.[r] === true)).toEqual([1, 0]);
  });

  it('fails when some left element has nowhere to go', () => {
    expect(matchElements(2, 2, (_l, r) => r === 0)).toBeUndefined();
    expect(matchElements(2, 1, () => true)).toBeUndefined();
    expect(matchElements(0, 2, () => false)).toEqual([]);
  });
});
