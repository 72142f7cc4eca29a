/**
 * Runs the real CLI in-process against the built-in local cloud, on a temporary copy of a
 * stack, and captures what a user (or a pipeline reading --json) would see.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { run } from '../../src/cli/main.js';
import type { EngineEvent } from '../../src/events/events.js';
import { Ledger, type LedgerData } from '../../src/state/index.js';

export const EXAMPLE = resolve(import.meta.dirname, '../../examples/websocket-api');

/** A private copy of a stack directory. */
export function tempStack(source = EXAMPLE): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'deploy-e2e-')), 'stack');
  cpSync(source, dir, { recursive: true, filter: (p) => !p.includes('.deploy') });
  return dir;
}

/** Edits the stack's manifest text in place. */
export function editManifest(stackDir: string, edit: (text: string) => string): void {
  const path = join(stackDir, 'stackql_manifest.yml');
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** With --json: every event line parsed (the version record first). */
  events: (EngineEvent | { type: 'version' })[];
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function deploy(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = new PassThrough();
  const code = await run(args, {
    stdout,
    stderr,
    stdin,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    cwd: process.cwd(),
  });
  const events = args.includes('--json')
    ? stdout.text
        .split('\n')
        .filter((l) => l.trim().startsWith('{'))
        .map((l) => JSON.parse(l) as EngineEvent)
    : [];
  return { code, stdout: stdout.text, stderr: stderr.text, events };
}

export function eventsOf<T extends EngineEvent['type']>(r: CliRun, type: T): Extract<EngineEvent, { type: T }>[] {
  return r.events.filter((e) => e.type === type) as Extract<EngineEvent, { type: T }>[];
}

/** The ledger as the next run reads it: state.json and the journal beside it. */
export function ledgerOf(stackDir: string, env: string): LedgerData {
  return Ledger.open(stackDir, env, 'any', { readOnly: true }).toJSON();
}
