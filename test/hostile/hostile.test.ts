/**
 * The hostile-input corpus (corpus.ts): every case ends in exit 1 with a clear message that
 * names the problem, without a stack trace, and within 5 s (a run still going then is killed,
 * and fails its case).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempStack } from '../e2e/harness.js';
import { hostileCases } from './corpus.js';

const BIN = resolve(import.meta.dirname, '../../bin/deploy.js');
const LIMIT_MS = 5_000;

function deploy(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((done) => {
    const started = Date.now();
    // Through its shebang, as a user runs it: Node must never see deploy's own --env-file.
    const child = spawn(BIN, args, { env: { PATH: process.env['PATH'] ?? '', CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const cases = hostileCases();

describe.concurrent('hostile input', () => {
  it('has at least 150 cases with distinct names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: exit 1, a clear message, no stack trace',
    { timeout: 15_000 },
    async (_, c) => {
      const stack = tempStack();
      c.prepare?.(stack);
      const run = await deploy(c.args?.(stack) ?? ['validate', stack, 'dev']);
      const shown = `${run.stdout}\n${run.stderr}`;
      expect({ code: run.code, out: shown.slice(0, 2000) }).toMatchObject({ code: 1 });
      expect(run.stderr).toMatch(/^error \[[A-Za-z]+\]/m);
      expect(shown).not.toMatch(/internal error|\n\s+at .*:\d+:\d+|node:internal|FATAL ERROR/);
      if (c.says) expect(run.stderr).toMatch(c.says);
    },
  );
});
