/**
 * What is worked out per template text is worked out once per text, for the last 5,000 texts,
 * and a text whose working-out failed is tried again.
 */
import { describe, expect, it } from 'vitest';
import { perText } from '../../src/template/per-text.js';

describe('perText', () => {
  it('computes a text once, and again only once 5,000 newer texts have pushed it out', () => {
    const seen: string[] = [];
    const length = perText((text) => {
      seen.push(text);
      return text.length;
    });
    expect(length('abc')).toBe(3);
    expect(length('abc')).toBe(3);
    expect(seen).toEqual(['abc']);
    for (let i = 0; i < 4999; i++) length(`t${i}`);
    length('abc');
    expect(seen.filter((t) => t === 'abc')).toHaveLength(1);
    length('one more');
    length('abc');
    expect(seen.filter((t) => t === 'abc')).toHaveLength(2);
  });

  it('keeps nothing of a text whose computation threw, and keeps an undefined result', () => {
    let calls = 0;
    const risky = perText((text) => {
      calls++;
      if (text === 'bad') throw new Error('no');
      return undefined;
    });
    expect(() => risky('bad')).toThrow('no');
    expect(() => risky('bad')).toThrow('no');
    expect(calls).toBe(2);
    risky('ok');
    risky('ok');
    expect(calls).toBe(3);
  });
});
