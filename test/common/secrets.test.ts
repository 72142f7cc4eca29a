import { describe, expect, it } from 'vitest';
import { Secrets, SENSITIVE } from '../../src/common/index.js';

function secrets(...values: unknown[]): Secrets {
  const s = new Secrets();
  values.forEach((v) => s.add(v));
  return s;
}

describe('Secrets', () => {
  it('masks a secret wherever it appears in a text, also JSON- and SQL-escaped', () => {
    const s = secrets('hunter2-"quoted"', "it's-a-secret");
    expect(s.mask('password=hunter2-"quoted"; again hunter2-"quoted"')).toBe(
      `password=${SENSITIVE}; again ${SENSITIVE}`,
    );
    expect(s.mask(JSON.stringify({ p: 'hunter2-"quoted"' }))).toBe(`{"p":"${SENSITIVE}"}`);
    expect(s.mask("SELECT 'it''s-a-secret'")).toBe(`SELECT '${SENSITIVE}'`);
    expect(s.mask('nothing here')).toBe('nothing here');
  });

  it('masks a secret inside a longer one as the longer one', () => {
    const s = secrets('abcd', 'xxabcdxx');
    expect(s.mask('[xxabcdxx] [abcd]')).toBe(`[${SENSITIVE}] [${SENSITIVE}]`);
  });

  it('masks a short secret only where a whole value equals it', () => {
    const s = secrets('42', 'ab');
    expect(s.mask('ab')).toBe(SENSITIVE);
    expect(s.mask('about 42 tabs')).toBe('about 42 tabs');
    expect(s.maskDeep({ port: 42, name: 'ab', other: 421 })).toEqual({ port: SENSITIVE, name: SENSITIVE, other: 421 });
  });

  it('adds the leaves of objects and lists, ignores blanks, and masks a copy', () => {
    const s = secrets({ user: 'admin-user', keys: ['key-one-1', 7], blank: '  ' });
    expect(s.size).toBe(3);
    const event = { message: 'login admin-user with key-one-1', nested: [{ v: 'key-one-1' }] };
    expect(s.maskDeep(event)).toEqual({
      message: `login ${SENSITIVE} with ${SENSITIVE}`,
      nested: [{ v: SENSITIVE }],
    });
    expect(event.nested[0]?.v).toBe('key-one-1');
  });

  it('changes nothing when it holds no secret', () => {
    const value = { a: 'b' };
    expect(new Secrets().maskDeep(value)).toBe(value);
  });
});
