import { describe, expect, it } from 'vitest';
import { summaryLines } from '../../src/ui/run-summary.js';

const base = {
  type: 'run_finished' as const,
  time: '2026-01-01T00:00:00.000Z',
  durationMs: 10,
  summary: { created: 0, updated: 0, replaced: 0, deleted: 0, unchanged: 9, failed: 0, skipped: 0 },
};

describe('summaryLines', () => {
  it('a run refused by an error names the error instead of counting nothing', () => {
    const lines = summaryLines(
      { ...base, command: 'apply', outcome: 'failed', error: { code: 'StackLocked', message: 'locked' } },
      [],
    );
    expect(lines).toEqual(['Apply failed: StackLocked (the error and what to do follow on stderr).']);
  });

  it('a declined confirmation says nothing was changed', () => {
    expect(summaryLines({ ...base, command: 'teardown', outcome: 'cancelled' }, [])).toEqual([
      'Teardown cancelled: nothing was changed.',
    ]);
  });

  it('a rolled-back run says how much was undone', () => {
    const summary = { ...base.summary, created: 4, failed: 1, skipped: 4, rolledBack: 4 };
    expect(summaryLines({ ...base, summary, command: 'apply', outcome: 'failed' }, [])).toEqual([
      'Apply failed: 1 failed, 4 created, 0 updated, 0 replaced, 0 deleted, 4 not attempted, 4 rolled back.',
    ]);
  });
});
