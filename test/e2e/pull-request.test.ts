/** What a pull-request pipeline uses: the plan as Markdown, and the dependency graph. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deploy, editManifest, tempStack } from './harness.js';

describe('plan --format markdown', () => {
  it('prints only the Markdown plan, also to $GITHUB_STEP_SUMMARY', async () => {
    const stack = tempStack();
    const summary = join(mkdtempSync(join(tmpdir(), 'deploy-summary-')), 'summary.md');
    const run = await deploy(['plan', stack, 'dev', '--local', '--format', 'markdown', '--detailed-exitcode'], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(run.code).toBe(2);
    expect(run.stdout.startsWith('### Plan for `websocket-api` · `dev`')).toBe(true);
    expect(run.stdout).toContain('| 9 | 0 | 0 | 0 | 0 |');
    expect(run.stdout).not.toContain('Plan: 9 to create'); // the terminal view went nowhere
    expect(readFileSync(summary, 'utf8')).toBe(run.stdout);
  });

  it('says "No changes" once everything is applied', async () => {
    const stack = tempStack();
    expect((await deploy(['apply', stack, 'dev', '--local', '--yes'])).code).toBe(0);
    const run = await deploy(['plan', stack, 'dev', '--local', '--format', 'markdown']);
    expect(run.stdout).toContain('No changes.');
  });

  it('is refused with --json, and an unknown format is refused with the choices', async () => {
    const stack = tempStack();
    expect((await deploy(['plan', stack, 'dev', '--format', 'markdown', '--json'])).stderr).toContain(
      'cannot be given together',
    );
    const bad = await deploy(['plan', stack, 'dev', '--format', 'html']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('markdown');
  });
});

describe('deploy graph', () => {
  it('draws the stack as DOT by default and as Mermaid on request, with no cloud', async () => {
    const stack = tempStack();
    const dot = await deploy(['graph', stack, 'dev']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toContain('"api" -> "connect_integration";');
    const mermaid = await deploy(['graph', stack, 'dev', '--format', 'mermaid']);
    expect(mermaid.stdout.split('\n')[0]).toBe('flowchart LR');
  });

  it('follows a depends_on edge the templates do not imply', async () => {
    const stack = tempStack();
    editManifest(stack, (text) =>
      text.replace('  - name: stage\n', '  - name: stage\n    depends_on: [default_route]\n'),
    );
    const dot = await deploy(['graph', stack, 'dev']);
    expect(dot.stdout).toContain('"default_route" -> "stage";');
  });
});
