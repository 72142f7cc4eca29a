/**
 * The ledger's journal and intents: what a crash at any moment leaves must read back as exactly
 * what was recorded, and intents carry the same client token however often they are read.
 */
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { Ledger, type LedgerEntry } from '../../src/state/index.js';
import { bucketCreate, bucketEntry } from './fixtures.js';

let stackDir: string;
beforeEach(() => {
  stackDir = mkdtempSync(join(tmpdir(), 'deploy-journal-'));
});
afterEach(() => {
  rmSync(stackDir, { recursive: true, force: true });
});

const dir = (): string => join(stackDir, '.deploy', 'dev');
const journal = (): string => join(dir(), 'journal.ndjson');
const open = (): Ledger => Ledger.open(stackDir, 'dev', 'demo');

const AT = new Date('2025-01-01T00:00:00.000Z');

const entry = (resource: string): LedgerEntry => bucketEntry(resource, AT);

describe('intents', () => {
  it('stay pending, with their request token, until an outcome closes them', () => {
    const ledger = open();
    const a = ledger.intend(bucketCreate('a'));
    const b = ledger.intend(bucketCreate('b'));
    ledger.accepted(a, 'request-a');
    expect(open().pending()).toEqual([{ ...a, requestToken: 'request-a' }, b]);
    ledger.put(entry('a'), a);
    ledger.resolve(b);
    const again = open();
    expect(again.pending()).toEqual([]);
    expect(again.get('a')).toEqual(entry('a'));
    expect(again.get('b')).toBeUndefined();
  });

  it('keep the client token they were given; a ledger started afresh never repeats one', () => {
    const first = open().intend(bucketCreate('a'));
    expect(first.clientToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(open().pending()[0]?.clientToken).toBe(first.clientToken); // re-sent with the same token
    // Cloud Control remembers tokens for 36 h: the same create, numbered 1 again in a new ledger,
    // must not get the first one's token (it would return that earlier request).
    rmSync(stackDir, { recursive: true });
    expect(open().intend(bucketCreate('a')).clientToken).not.toBe(first.clientToken);
    const ledger = open();
    expect(ledger.intend({ ...bucketCreate('a'), desired: { BucketName: 'other' } }).clientToken).not.toBe(
      first.clientToken,
    );
  });

  it('survive compaction in state.json, which then holds everything', () => {
    const ledger = open();
    ledger.put(entry('a'));
    const pending = ledger.intend(bucketCreate('b'));
    ledger.compact();
    expect(() => statSync(journal())).toThrow();
    const state = JSON.parse(readFileSync(join(dir(), 'state.json'), 'utf8')) as { pending: unknown[]; seq: number };
    expect(state.pending).toEqual([pending]);
    expect(state.seq).toBe(2);
    expect(open().pending()).toEqual([pending]);
  });

  it('refuses a malformed intent before writing it', () => {
    const ledger = open();
    const error = (() => {
      try {
        ledger.intend({ ...bucketCreate('a'), operation: 'delete' });
      } catch (e) {
        return e as DeployError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('InvalidIntent');
    expect(open().pending()).toEqual([]);
  });
});

describe('the journal', () => {
  it('is private, one fsynced line per change, and no whole-file rewrite', () => {
    const ledger = open();
    ledger.put(entry('a'));
    ledger.put(entry('b'));
    ledger.remove('a');
    const lines = readFileSync(journal(), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { op: string; seq: number }).op)).toEqual(['put', 'put', 'remove']);
    expect(statSync(journal()).mode & 0o777).toBe(0o600);
    ledger.compact();
    expect(statSync(join(dir(), 'state.json')).mode & 0o777).toBe(0o600);
  });

  it('skips a line torn by a crash, and the next write cuts it off', () => {
    const ledger = open();
    ledger.put(entry('a'));
    appendFileSync(journal(), '{"seq":2,"op":"put","entry":{"resou');
    const again = open();
    expect(again.entries().map((e) => e.resource)).toEqual(['a']);
    again.put(entry('b'));
    expect(
      open()
        .entries()
        .map((e) => e.resource),
    ).toEqual(['a', 'b']);
    expect(readFileSync(journal(), 'utf8').split('\n')).toHaveLength(3);
  });

  it('refuses a damaged line that is not the last one, naming file and line', () => {
    const ledger = open();
    ledger.put(entry('a'));
    ledger.put(entry('b'));
    const [first, second] = readFileSync(journal(), 'utf8').split('\n');
    writeFileSync(journal(), `${first}\n{oops\n${second}\n`);
    try {
      open();
      expect.unreachable();
    } catch (error) {
      expect(DeployError.is(error) && error.code).toBe('LedgerCorrupt');
      expect((error as DeployError).location).toEqual({ file: journal(), line: 2 });
    }
  });

  it('replays nothing twice when a crash interrupts compaction, nor an older journal over a newer state', () => {
    const ledger = open();
    ledger.put(entry('a'));
    ledger.put(entry('b'));
    ledger.remove('a');
    copyFileSync(journal(), `${journal()}.old`);
    ledger.put(entry('c'));
    ledger.compact();
    // The crash: state.json replaced, the old journal (puts of a and b, remove of a) still there.
    copyFileSync(`${journal()}.old`, journal());
    expect(
      open()
        .entries()
        .map((e) => e.resource),
    ).toEqual(['b', 'c']);
  });

  it('reads a version 1 state.json, and a read-only ledger writes nothing', () => {
    const v1 = { version: 1, stack: 'demo', env: 'dev', resources: { a: entry('a') } };
    Ledger.open(stackDir, 'dev', 'demo').put(entry('tmp'));
    writeFileSync(join(dir(), 'state.json'), JSON.stringify(v1));
    rmSync(journal());
    const readOnly = Ledger.open(stackDir, 'dev', 'demo', { readOnly: true });
    expect(readOnly.entries()).toEqual([entry('a')]);
    readOnly.put(entry('b'));
    readOnly.intend(bucketCreate('c'));
    readOnly.compact();
    expect(readOnly.get('b')).toEqual(entry('b'));
    expect(() => statSync(journal())).toThrow();
    expect(JSON.parse(readFileSync(join(dir(), 'state.json'), 'utf8'))).toEqual(v1);
  });
});
