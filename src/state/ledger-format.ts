/**
 * The on-disk ledger format (documented in README.md) and its validation. A file that does
 * not match is reported, never silently reset: an empty ledger would make the engine forget
 * resources it created and try to create them again.
 */
import { isObject as isRecord } from '../common/index.js';
import { DeployError } from '../errors/index.js';
import { intentProblem, type Intent } from './intent.js';

/** Version 2 added `seq`, `pending` and the journal beside the file; version 1 files are read too. */
export const LEDGER_VERSION = 2;

export interface LedgerEntry {
  /** Manifest resource name; also the key in `resources`. */
  resource: string;
  /** CloudFormation type, e.g. `AWS::S3::Bucket`. */
  type: string;
  region: string;
  /** Cloud Control primary identifier. */
  identifier: string;
  /** Manifest resources this one depended on when applied (teardown order). */
  dependsOn: string[];
  /** snake_case columns → values, as exported to templates. */
  exports: Record<string, unknown>;
  /** The desired state last applied: tells a user's removal from drift. */
  desired: Record<string, unknown>;
  /** sha256 hex of canonical JSON of `desired`. */
  desiredHash: string;
  /** ISO time of the last write of this entry. */
  updatedAt: string;
}

export interface LedgerData {
  version: 2;
  stack: string;
  env: string;
  /** The last journal record folded into this file (0: none yet). */
  seq: number;
  resources: Record<string, LedgerEntry>;
  /** Intents whose outcome is not recorded yet, oldest first. */
  pending: Intent[];
}

/** Parses and checks a state file's text; `path` is only for messages. */
export function parseLedger(text: string, path: string): LedgerData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw corrupt(path, `is not valid JSON (${(cause as Error).message})`, cause);
  }
  if (!isRecord(raw)) throw corrupt(path, 'is not a JSON object');
  if (raw['version'] !== LEDGER_VERSION && raw['version'] !== 1) {
    if (typeof raw['version'] === 'number' && raw['version'] > LEDGER_VERSION) {
      throw new DeployError(
        'LedgerCorrupt',
        `State file ${path} has format version ${raw['version']}; this deploy reads version ${LEDGER_VERSION}`,
        { file: path, hint: 'It was written by a newer deploy: upgrade deploy to use this stack.' },
      );
    }
    throw corrupt(path, `has an unknown format version (${JSON.stringify(raw['version'])})`);
  }
  if (typeof raw['stack'] !== 'string') throw corrupt(path, 'has no "stack" name');
  if (typeof raw['env'] !== 'string') throw corrupt(path, 'has no "env" name');
  const resources = raw['resources'];
  if (!isRecord(resources)) throw corrupt(path, 'has no "resources" object');
  for (const [name, entry] of Object.entries(resources)) {
    const problem = entryProblem(entry);
    if (problem !== undefined) throw corrupt(path, `has an invalid entry "${name}": ${problem}`);
    if ((entry as LedgerEntry).resource !== name) {
      throw corrupt(path, `has entry "${name}" whose "resource" is "${(entry as LedgerEntry).resource}"`);
    }
  }
  if (raw['version'] === 1) return { ...(raw as unknown as LedgerData), version: 2, seq: 0, pending: [] };
  if (!Number.isSafeInteger(raw['seq']) || (raw['seq'] as number) < 0) throw corrupt(path, 'has no valid "seq"');
  const pending = raw['pending'];
  if (!Array.isArray(pending)) throw corrupt(path, 'has no "pending" list');
  for (const intent of pending) {
    const problem = intentProblem(intent);
    if (problem !== undefined) throw corrupt(path, `has an invalid pending intent: ${problem}`);
  }
  return raw as unknown as LedgerData;
}

/** What is wrong with an entry, or undefined when it is well formed. */
export function entryProblem(entry: unknown): string | undefined {
  if (!isRecord(entry)) return 'not an object';
  for (const field of ['resource', 'type', 'region', 'identifier', 'desiredHash', 'updatedAt'] as const) {
    if (typeof entry[field] !== 'string') return `"${field}" must be a string`;
  }
  if (entry['resource'] === '') return '"resource" must not be empty';
  const deps = entry['dependsOn'];
  if (!Array.isArray(deps) || !deps.every((d) => typeof d === 'string')) return '"dependsOn" must be a list of names';
  if (!isRecord(entry['exports'])) return '"exports" must be an object';
  if (!isRecord(entry['desired'])) return '"desired" must be an object';
  return undefined;
}

/** One line of the journal (README.md): a change to the ledger, numbered by `seq`. */
export type JournalRecord =
  | { seq: number; op: 'intent'; intent: Intent }
  | { seq: number; op: 'accepted'; intent: number; requestToken: string }
  | { seq: number; op: 'put'; entry: LedgerEntry; resolves?: number }
  | { seq: number; op: 'remove'; resource: string; resolves?: number }
  | { seq: number; op: 'resolved'; intent: number };

/** What is wrong with a journal record, or undefined when it is well formed. */
export function recordProblem(record: unknown): string | undefined {
  if (!isRecord(record)) return 'not an object';
  if (!Number.isSafeInteger(record['seq']) || (record['seq'] as number) < 1) return '"seq" must be a positive integer';
  const isId = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) > 0;
  if (record['resolves'] !== undefined && !isId(record['resolves'])) return '"resolves" must be an intent id';
  switch (record['op']) {
    case 'intent':
      return intentProblem(record['intent']);
    case 'accepted':
      return isId(record['intent']) && typeof record['requestToken'] === 'string' ? undefined : 'bad "accepted"';
    case 'put':
      return entryProblem(record['entry']);
    case 'remove':
      return typeof record['resource'] === 'string' ? undefined : '"resource" must be a string';
    case 'resolved':
      return isId(record['intent']) ? undefined : '"intent" must be an intent id';
    default:
      return `unknown "op" ${JSON.stringify(record['op'])}`;
  }
}

export function corrupt(path: string, what: string, cause?: unknown): DeployError {
  return new DeployError('LedgerCorrupt', `State file ${path} ${what}`, {
    file: path,
    cause,
    hint:
      'Restore it from version control or a backup. It is not reset automatically, because an empty ' +
      'state would make deploy forget the resources it created. Delete it only if those resources are gone.',
  });
}

/** A state recorded for another environment: using it would mix up the two environments' resources. */
export function otherEnvironment(path: string, recorded: string, env: string): DeployError {
  return new DeployError('LedgerMismatch', `State file ${path} records environment "${recorded}", not "${env}"`, {
    file: path,
    hint: `The file was probably copied from another environment. Restore the right file for "${env}", or move this one back.`,
  });
}
