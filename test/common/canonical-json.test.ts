import { createHash } from 'node:crypto';
import { describe, expect, it, test } from 'vitest';
import { canonicalJson, hashOf } from '../../src/common/index.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonicalJson', () => {
  test.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { z: [3, { y: 1, x: 2 }], k: null } }, '{"a":{"k":null,"z":[3,{"x":2,"y":1}]}}'],
    [{ '10': 1, '2': 2, '1': 3, b: 4 }, '{"1":3,"10":1,"2":2,"b":4}'],
    [{ a: undefined, b: () => 1, c: 1 }, '{"c":1}'],
    [[undefined, Number.NaN, Infinity, -0], '[null,null,null,0]'],
    [{ when: new Date('2025-01-02T03:04:05.000Z') }, '{"when":"2025-01-02T03:04:05.000Z"}'],
    ['é "q" \n', '"é \\"q\\" \\n"'],
    [undefined, 'null'],
    [{ B: 1, a: 2, _: 3 }, '{"B":1,"_":3,"a":2}'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('rejects circular data', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe('hashOf', () => {
  test.each([
    [
      { b: 1, a: [1, { d: 2, c: 3 }] },
      { a: [1, { c: 3, d: 2 }], b: 1 },
    ],
    [
      { Tags: [{ Key: 'k', Value: 'v' }], Name: 'x' },
      { Name: 'x', Tags: [{ Value: 'v', Key: 'k' }] },
    ],
    [
      { '2': 'b', '10': 'a' },
      { '10': 'a', '2': 'b' },
    ],
  ])('is stable regardless of key order: %j', (one, two) => {
    expect(hashOf(one)).toBe(hashOf(two));
    expect(hashOf(one)).toBe(sha256(canonicalJson(two)));
    expect(hashOf(one)).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    [
      [1, 2],
      [2, 1],
    ],
    [{ a: 1 }, { a: '1' }],
    [{ a: null }, {}],
  ])('tells %j from %j', (one, two) => {
    expect(hashOf(one)).not.toBe(hashOf(two));
  });

  it('is the sha256 of the canonical text', () => {
    expect(hashOf({ b: 1, a: 2 })).toBe(sha256('{"a":2,"b":1}'));
  });
});
