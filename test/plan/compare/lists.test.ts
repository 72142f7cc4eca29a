/** Lists against the read: multisets, the service's order, elements the user never declared. */
import { describe, expect, it } from 'vitest';
import { matchesActual, valuesEqual, type RuleName } from '../../../src/plan/index.js';
import type { ValueType } from '../../../src/schema/index.js';
import { typeSchema } from '../normalize/schema.js';

const schema = typeSchema({
  definitions: {
    Rule: {
      name: 'Rule',
      properties: {
        CidrIp: { type: { kind: 'string' } },
        FromPort: { type: { kind: 'integer' } },
        Description: { type: { kind: 'string' } },
      },
    },
  },
});
const rules: ValueType = { kind: 'array', element: { kind: 'ref', ref: 'Rule' }, unordered: true };
const ordered: ValueType = { kind: 'array', element: { kind: 'string' } };
const unorderedText: ValueType = { kind: 'array', element: { kind: 'string' }, unordered: true };

function against(desired: unknown, read: unknown, type: ValueType, lastApplied?: unknown, notes: RuleName[] = []) {
  return matchesActual(desired, read, type, schema, lastApplied, { path: ['List'], notes });
}

describe('unordered lists (insertionOrder: false)', () => {
  it('match as multisets, elements by content after normalising them', () => {
    const notes: RuleName[] = [];
    const desired = [
      { CidrIp: '10.0.0.0/24', FromPort: 443 },
      { CidrIp: '10.0.1.0/24', FromPort: 80 },
    ];
    const read = [
      { CidrIp: '10.0.1.0/24', FromPort: '80', Description: '' },
      { CidrIp: '10.0.0.0/24', FromPort: 443 },
    ];
    expect(against(desired, read, rules, undefined, notes)).toBe(true);
    expect(notes).toContain('unordered');
    expect(valuesEqual(desired, [...desired].reverse(), rules, schema)).toBe(true);
  });

  it('ignore read elements the user never declared (another tool attached them)', () => {
    const notes: RuleName[] = [];
    expect(against(['RoleDeclared'], ['RoleDeclared', 'RoleFromElsewhere'], unorderedText, undefined, notes)).toBe(
      true,
    );
    expect(notes).toContain('undeclared');
    expect(against(['RoleDeclared'], ['RoleDeclared', 'RoleFromElsewhere'], unorderedText, ['RoleDeclared'])).toBe(
      true,
    );
  });

  it('count a declared element the read lacks, and one the user removed that is still there', () => {
    expect(against(['U1', 'U2'], ['U1'], unorderedText)).toBe(false);
    expect(against(['U1'], ['U1', 'U2'], unorderedText, ['U1', 'U2'])).toBe(false);
    const removed = { CidrIp: '10.0.1.0/24', FromPort: 80 };
    expect(against([], [{ ...removed, Description: 'x' }], rules, [removed])).toBe(false);
  });

  it('strictly, are the same elements, as many', () => {
    expect(valuesEqual(['a'], ['a', 'b'], unorderedText, schema)).toBe(false);
    expect(valuesEqual(['a', 'a'], ['a'], unorderedText, schema)).toBe(false);
  });

  it('pair elements so that every declared one finds its own', () => {
    // The first declared element fits both read ones; only the second read one fits the other.
    const desired = [{ CidrIp: '10.0.0.0/24' }, { CidrIp: '10.0.0.0/24', FromPort: 22 }];
    const read = [
      { CidrIp: '10.0.0.0/24', FromPort: 22 },
      { CidrIp: '10.0.0.0/24', FromPort: 443 },
    ];
    expect(against(desired, read, rules)).toBe(true);
  });
});

describe('ordered lists against the read', () => {
  it('tolerate the order the service reads them back in (DynamoDB, prefix lists, subnets)', () => {
    const notes: RuleName[] = [];
    expect(against(['subnet-b', 'subnet-a'], ['subnet-a', 'subnet-b'], ordered, undefined, notes)).toBe(true);
    expect(notes).toContain('service-order');
    expect(against(['subnet-b', 'subnet-a'], ['subnet-a', 'subnet-b'], ordered, ['subnet-b', 'subnet-a'])).toBe(true);
  });

  it('but not when the user reordered them since the last apply', () => {
    expect(against(['b', 'a'], ['a', 'b'], ordered, ['a', 'b'])).toBe(false);
  });

  it('and strictly, order is what the user wrote', () => {
    expect(valuesEqual(['b', 'a'], ['a', 'b'], ordered, schema)).toBe(false);
  });

  it('ignore elements the service added, not ones the user removed', () => {
    expect(against(['/dev/sdf'], ['/dev/xvda', '/dev/sdf'], ordered)).toBe(true);
    expect(against(['a'], ['a', 'b'], ordered, ['a', 'b'])).toBe(false);
  });
});

describe('tags and nulls', () => {
  const tags: ValueType = { kind: 'array', element: { kind: 'tag' } };
  it('tags are a set without the reserved aws: ones', () => {
    const notes: RuleName[] = [];
    const declared = [
      { Key: 'team', Value: 'platform' },
      { Key: 'env', Value: 'dev' },
    ];
    const read = [
      { Key: 'aws:cloudformation:stack-name', Value: 'S' },
      { Key: 'env', Value: 'dev' },
      { Key: 'team', Value: 'platform' },
    ];
    expect(matchesActual(declared, read, tags, schema, declared, { path: ['Tags'], notes })).toBe(true);
    expect(notes).toEqual(expect.arrayContaining(['reserved-tag', 'unordered']));
    expect(matchesActual(declared, read.slice(0, 2), tags, schema, undefined, { path: ['Tags'] })).toBe(false);
  });

  it('a list of nulls is an empty list', () => {
    expect(matchesActual([], [null], ordered, schema, undefined)).toBe(true);
    expect(valuesEqual(['a'], ['a', null], ordered, schema)).toBe(true);
  });
});
