import { describe, expect, it } from 'vitest';
import { attempt, type RuleNotes } from '../../../src/plan/normalize/rules.js';

describe('rule notes', () => {
  it('keep the notes of a passing attempt and take back a failing one', () => {
    const notes: RuleNotes = ['policy'];
    expect(attempt(notes, () => notes.push('absent') > 0)).toBe(true);
    expect(attempt(notes, () => notes.push('default') < 0)).toBe(false);
    expect(notes).toEqual(['policy', 'absent']);
  });
});
