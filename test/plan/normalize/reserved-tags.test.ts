import { describe, expect, it } from 'vitest';
import { isReservedTagKey, isTagCollection, withoutReservedTags } from '../../../src/plan/normalize/reserved-tags.js';

describe('reserved aws: tags', () => {
  it('recognises the prefix in any case', () => {
    expect(isReservedTagKey('aws:cloudformation:stack-name')).toBe(true);
    expect(isReservedTagKey('AWS:Whatever')).toBe(true);
    expect(isReservedTagKey('team')).toBe(false);
    expect(isReservedTagKey('my-aws:tag')).toBe(false);
  });

  it('drops them from tag lists and maps, leaving other values alone', () => {
    const list = [
      { Key: 'aws:cloudformation:logical-id', Value: 'Fn' },
      { Key: 'team', Value: 'a' },
    ];
    expect(withoutReservedTags(list)).toEqual([{ Key: 'team', Value: 'a' }]);
    const map = { 'aws:cloudformation:stack-id': 'arn', team: 'a' };
    expect(withoutReservedTags(map)).toEqual({ team: 'a' });
    const plain = [{ Key: 'team', Value: 'a' }];
    expect(withoutReservedTags(plain)).toBe(plain);
    expect(withoutReservedTags('text')).toBe('text');
  });

  it('finds tags by tag property, member name or type', () => {
    expect(isTagCollection('Tags', undefined, false)).toBe(true);
    expect(isTagCollection('TagSet', 'TagSet', false)).toBe(true);
    expect(isTagCollection('Items', undefined, true)).toBe(true);
    expect(isTagCollection('Items', 'Tags', false)).toBe(false);
  });
});
