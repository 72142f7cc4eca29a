import { describe, expect, it } from 'vitest';
import { anyPathMatches, pathMatches, pathsUnder } from '../../../src/plan/normalize/paths.js';

describe('schema paths', () => {
  it('matches step by step, * standing for any member or element', () => {
    expect(pathMatches(['Code', 'S3Key'], ['Code', 'S3Key'])).toBe(true);
    expect(pathMatches(['Rules', '*', 'Prefix'], ['Rules', '*', 'Prefix'])).toBe(true);
    expect(pathMatches(['Vars', '*'], ['Vars', 'HOME'])).toBe(true);
    expect(pathMatches(['Code', 'S3Key'], ['Code', 'S3Bucket'])).toBe(false);
    expect(pathMatches(['Code'], ['Code', 'S3Key'])).toBe(false);
    expect(
      anyPathMatches(
        [
          ['A', 'B'],
          ['C', 'D'],
        ],
        ['C', 'D'],
      ),
    ).toBe(true);
  });

  it('finds the nested paths below one property', () => {
    expect(
      pathsUnder(
        [
          ['Code', 'S3Key'],
          ['Code', 'ZipFile'],
          ['Other', 'X'],
        ],
        'Code',
      ),
    ).toEqual([
      ['Code', 'S3Key'],
      ['Code', 'ZipFile'],
    ]);
  });
});
