/**
 * Reading state.json, and the error every failed ledger write becomes (the engine retries it).
 */
import { readFileSync } from 'node:fs';
import { DeployError } from '../errors/index.js';
import { parseLedger, type LedgerData } from './ledger-format.js';

export function readSnapshot(path: string): LedgerData | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DeployError('LedgerUnreadable', `Cannot read state file ${path}: ${(cause as Error).message}`, {
      file: path,
      cause,
      hint: 'Check that the file is readable by you.',
    });
  }
  return parseLedger(text, path);
}

export function writeFailed(path: string, cause: unknown, what: string): DeployError {
  return new DeployError('LedgerWriteFailed', `Cannot write ${path}: ${(cause as Error).message}`, {
    file: path,
    cause,
    hint: `Check that the directory is writable and the disk is not full. ${what}`,
  });
}
