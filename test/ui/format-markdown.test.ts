import { describe, expect, it } from 'vitest';
import { formatPlanMarkdown } from '../../src/ui/index.js';
import { samplePlan } from './fixtures.js';

describe('plan as Markdown', () => {
  const text = formatPlanMarkdown(samplePlan);

  it('is a summary table and one folded diff per changing resource', () => {
    expect(text).toMatchSnapshot();
  });

  it('masks protected values and defers unknown ones, as the terminal plan does', () => {
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('n3w');
    expect(text).toContain('StageVariables.token = (sensitive)');
    expect(text).toContain('ApiId = (known after apply)');
    expect(text).not.toContain('«unknown');
  });

  it('says there is nothing to do when nothing changes', () => {
    const quiet = formatPlanMarkdown({
      ...samplePlan,
      resources: samplePlan.resources.map((r) => ({ ...r, action: 'noop' as const })),
    });
    expect(quiet).toContain('No changes.');
    expect(quiet).not.toContain('<details>');
  });

  it('keeps table cells and code spans intact whatever a reason contains', () => {
    const odd = formatPlanMarkdown({
      ...samplePlan,
      resources: [{ ...samplePlan.resources[0]!, resource: 'a`b', reason: 'x | y\nz', changes: [] }],
    });
    expect(odd).toContain("`a'b`");
    expect(odd).toContain('x \\| y z');
  });
});
