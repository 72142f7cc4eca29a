/**
 * The CLI in a real pseudo-terminal (tmux) against the local cloud: what a person sees. The
 * live Ink view must end on the summary, and the scrollback must hold exactly one line per
 * finished resource (finished rows go through <Static>, so nothing is redrawn into the log).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStack } from './harness.js';

const BIN = resolve(import.meta.dirname, '../../bin/deploy.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A fresh tmux server per test: a server still shutting down after kill-server makes the next
// new-session on the same socket fail with "server exited unexpectedly".
let runs = 0;
let session = `deploy-test-${process.pid}-${runs}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
}

async function waitFor(predicate: (screen: string) => boolean, what: string, ms = 30_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', session);
    if (predicate(screen)) return screen;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterEach(() => {
  spawnSync('tmux', ['-L', session, 'kill-server']);
  session = `deploy-test-${process.pid}-${++runs}`;
});

describe('in a real terminal', () => {
  it.skipIf(!hasTmux)(
    'asks before applying, shows live progress, and leaves one scrollback line per resource',
    { timeout: 60_000 },
    async () => {
      const stack = tempStack();
      // CI is unset so the terminal is treated as a person's; the latency makes the live view visible.
      const command = `env -u CI DEPLOY_LOCAL_LATENCY_MS=150 TERM=xterm-256color node ${BIN} apply ${stack} dev --local; echo EXIT=$?; sleep 60`;
      tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', command);

      await waitFor((s) => s.includes("Only 'yes' will be accepted"), 'the confirmation question');
      tmux('send-keys', '-t', session, 'yes', 'Enter');
      // The live view is Ink's: plain lines (what a failed load of Ink falls back to) have no
      // such line. Five layers at 150 ms leave it on screen for well over a second.
      const live = await waitFor((s) => /\d+\/9/.test(s) || s.includes('EXIT='), 'the live view');
      const final = await waitFor((s) => s.includes('EXIT='), 'the end of the run');

      expect(final).toContain('Apply complete: 9 created, 0 updated, 0 replaced, 0 deleted.');
      expect(final).toContain('EXIT=0');
      expect(live).toMatch(/done · \d+ running · \d+ waiting · 0 failed/);

      const scrollback = tmux('capture-pane', '-p', '-S', '-', '-t', session);
      const finishedLines = scrollback.split('\n').filter((l) => /^✓ \S+ created in /.test(l));
      expect(finishedLines).toHaveLength(9);
      expect(new Set(finishedLines.map((l) => l.split(' ')[1])).size).toBe(9);
      // The live rows were redrawn in place, never appended to the log.
      expect(scrollback).not.toMatch(/creating {3}api .*\n[^]*creating {3}api /);
    },
  );

  it.skipIf(!hasTmux)('treats Ctrl-C at the question as no: nothing changes', { timeout: 60_000 }, async () => {
    const stack = tempStack();
    const command = `env -u CI TERM=xterm-256color node ${BIN} apply ${stack} dev --local; echo EXIT=$?; sleep 60`;
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', command);
    await waitFor((s) => s.includes("Only 'yes' will be accepted"), 'the confirmation question');
    tmux('send-keys', '-t', session, 'C-c');
    const final = await waitFor((s) => s.includes('EXIT='), 'the end of the run');
    expect(final).toContain('Apply cancelled: nothing was changed.');
    expect(final).toContain('EXIT=1');
    expect(final).not.toContain('Stopping');
    expect(existsSync(join(stack, '.deploy', 'dev', 'state.json'))).toBe(false);
  });
});
