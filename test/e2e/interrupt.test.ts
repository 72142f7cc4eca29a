/**
 * Ctrl-C during an apply, sent as SIGINT to a real `deploy` process: the first stops new work
 * and lets operations in flight finish, the second leaves at once. Either way the exit code is
 * 130 and the ledger holds exactly what exists in the cloud.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerOf, tempStack } from './harness.js';
import { inventory } from './inventory.js';

const BIN = resolve(import.meta.dirname, '../../bin/deploy.js');

/** Runs an apply, sends `signals` SIGINTs once the second resource has started, collects output. */
function interruptedApply(stack: string, signals: number): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'apply', stack, 'dev', '--local', '--yes', '--parallelism', '1'], {
      env: { ...process.env, CI: 'true', DEPLOY_LOCAL_LATENCY_MS: '300' },
    });
    let out = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!sent && out.includes('connect_integration: creating...')) {
        sent = true;
        for (let i = 0; i < signals; i++) setTimeout(() => child.kill('SIGINT'), 20 * i);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => done({ code, out }));
  });
}

async function ledgerMatchesCloud(stack: string): Promise<string[]> {
  const ledger = ledgerOf(stack, 'dev');
  expect(await inventory(stack)).toEqual(
    new Set(Object.values(ledger.resources).map((r) => `${r.type} ${r.identifier}`)),
  );
  return Object.keys(ledger.resources).sort();
}

describe('Ctrl-C during apply', () => {
  it('first: finishes the operation in flight, starts nothing new, exits 130', { timeout: 30_000 }, async () => {
    const stack = tempStack();
    const { code, out } = await interruptedApply(stack, 1);
    expect(code).toBe(130);
    expect(out).toContain('Interrupt received: finishing operations in flight, starting nothing new.');
    expect(out).toContain('connect_integration: created in');
    expect(out).toContain('default_integration: not attempted (interrupted)');
    expect(out).toMatch(/Apply interrupted: 2 created, .*7 not attempted\./);
    expect(await ledgerMatchesCloud(stack)).toEqual(['api', 'connect_integration']);
  });

  it('second: leaves at once, and the ledger still tells the truth', { timeout: 30_000 }, async () => {
    const stack = tempStack();
    const { code, out } = await interruptedApply(stack, 2);
    expect(code).toBe(130);
    expect(out).not.toContain('connect_integration: created in');
    expect(await ledgerMatchesCloud(stack)).toEqual(['api']);
    // The lock left with the process: the next run is not blocked.
    expect(existsSync(join(stack, '.deploy', 'dev', 'lock.json'))).toBe(false);
  });
});
