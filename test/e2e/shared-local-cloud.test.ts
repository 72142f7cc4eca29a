/**
 * Two `--local` runs of one stack in different environments share the local cloud the first one
 * started in-process. The first must keep serving until the second is done, not leave it with
 * a refused connection when its own work ends.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempStack } from './harness.js';

const BIN = resolve(import.meta.dirname, '../../bin/deploy.js');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, CI: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code, output }));
  });
}

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('two --local runs at once', () => {
  it('the run that started the local cloud serves the other until it is done', { timeout: 60_000 }, async () => {
    const stack = tempStack();
    const lock = join(stack, '.deploy', 'local-cloud', 'lock.json');
    // The first run's own work is short (one operation at a time is not needed: few resources
    // finish fast); the second is slowed so it outlasts the first.
    const first = run(['apply', stack, 'dev', '--local', '--yes'], { DEPLOY_LOCAL_LATENCY_MS: '300' });
    await until(() => existsSync(lock));
    const second = run(['apply', stack, 'prd', '--local', '--yes', '--parallelism', '1'], {});
    const [a, b] = await Promise.all([first, second]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    expect(b.output).toContain('Apply complete: 9 created');
    expect(a.output).toContain('Keeping the local cloud up for the deploy run using it');
  });
});
