import { describe, expect, it } from 'vitest';
import { indexLines, releasable } from '../../src/manifest/yaml-lines.js';
import { FULL_MANIFEST } from './stack-fixture.js';

describe('indexLines', () => {
  it('finds keys and items of a block-style manifest', () => {
    const index = indexLines(FULL_MANIFEST);
    expect(index.lineOf(['name'])).toBe(3);
    expect(index.lineOf(['globals', 0])).toBe(8);
    expect(index.lineOf(['globals', 1, 'value', 1, 'Value'])).toBe(16);
    expect(index.lineOf(['resources', 0])).toBe(18);
    expect(index.lineOf(['resources', 0, 'props', 1, 'values', 'dev', 'value'])).toBe(27);
    expect(index.lineOf(['resources', 0, 'props', 2, 'merge', 0])).toBe(33);
    expect(index.lineOf(['resources', 1])).toBe(39);
    expect(index.lineOf(['exports', 1])).toBe(55);
  });

  it('falls back to the nearest known ancestor inside flow collections', () => {
    const index = indexLines(FULL_MANIFEST);
    expect(index.lineOf(['resources', 1, 'depends_on', 0])).toBe(41);
    expect(index.lineOf(['resources', 2, 'exports', 0])).toBe(52);
    expect(index.lineOf(['nothing', 'here'])).toBe(1);
  });

  it('handles sequences at the indentation of their key, and bare dashes', () => {
    const index = indexLines('resources:\n- name: a\n  props:\n  - name: p\n-\n  name: b\nexports:\n- x\n');
    expect(index.lineOf(['resources', 0, 'props', 0, 'name'])).toBe(4);
    expect(index.lineOf(['resources', 1, 'name'])).toBe(6);
    expect(index.lineOf(['exports', 0])).toBe(8);
  });

  it('skips block scalars and says where their text starts', () => {
    const text = 'a:\n  sql: |\n    SELECT 1\n    - not: an item\n  after: 1\nb: >-\n  folded\n';
    const index = indexLines(text);
    expect(index.textLineOf(['a', 'sql'])).toBe(3);
    expect(index.lineOf(['a', 'sql'])).toBe(2);
    expect(index.lineOf(['a', 'after'])).toBe(5);
    expect(index.textLineOf(['b'])).toBe(7);
  });

  it('skips multi-line flow collections and quoted scalars', () => {
    const text = "a: [1,\n  2, {k: v,\n  z: y}]\nb: \"multi\n  line: text\"\nc: 'it''s'\nd: 1 # note: x\ne: 2\n";
    const index = indexLines(text);
    expect(index.lineOf(['b'])).toBe(4);
    expect(index.lineOf(['c'])).toBe(6);
    expect(index.lineOf(['d'])).toBe(7);
    expect(index.lineOf(['e'])).toBe(8);
    expect(index.lineOf(['z'])).toBe(1);
  });

  it('reads quoted keys, anchors and comments', () => {
    const index = indexLines('"quoted key": 1\nbase: &b\n  x: 1\n# comment\nother:\n  <<: *b\n  y: 2\n');
    expect(index.lineOf(['quoted key'])).toBe(1);
    expect(index.lineOf(['base', 'x'])).toBe(3);
    expect(index.lineOf(['other', 'y'])).toBe(7);
  });

  it('answers the same once released, building the index again only when asked', () => {
    let built = 0;
    const later = () => {
      built++;
      return indexLines(FULL_MANIFEST);
    };
    const index = releasable(indexLines(FULL_MANIFEST), later);
    expect(index.lineOf(['resources', 1])).toBe(39);
    index.release();
    expect(built).toBe(0);
    expect(index.lineOf(['resources', 1])).toBe(39);
    expect(index.lineOf(['resources', 0, 'props', 1, 'values', 'dev', 'value'])).toBe(27);
    expect(index.textLineOf(['globals', 1, 'value', 1, 'Value'])).toBe(16);
    expect(built).toBe(1);
  });
});
