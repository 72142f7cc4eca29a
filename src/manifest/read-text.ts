/**
 * Reading a file a user named (a manifest, a query file, an env file, a saved plan) without
 * trusting it to be one: a directory, a named pipe or a device (`/dev/zero` never ends) is
 * refused before it is opened, so is a file larger than any real one, and, for the files of a
 * stack, a path or symlink that leads out of the stack directory.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { DeployError } from '../errors/index.js';

/** Far beyond any real manifest, query or env file. */
export const MAX_TEXT_BYTES = 1024 * 1024;

export interface ReadTextOptions {
  /** For messages: "manifest", "query file", "env file". */
  what: string;
  /** Shown instead of the path. */
  shown: string;
  /** The file must really lie inside this directory (symlinks resolved). */
  inside?: string;
  maxBytes?: number;
  /** The error code when the file does not exist. */
  missingCode?: string;
  missingHint?: string;
}

export function readTextFile(path: string, options: ReadTextOptions): string {
  const { what, shown } = options;
  const fail = (code: string, message: string, hint: string, cause?: unknown): DeployError =>
    new DeployError(code, message, { file: shown, hint, ...(cause === undefined ? {} : { cause }) });
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw fail('NotAFile', `${shown} is a directory, not a ${what}`, `name the ${what} itself`);
    if (!stat.isFile()) {
      throw fail(
        'NotAFile',
        `${shown} is not a regular file (a pipe, a device or a socket), so it cannot be a ${what}`,
        `name an ordinary ${what}`,
      );
    }
    size = stat.size;
  } catch (error) {
    if (DeployError.is(error)) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw fail(
        options.missingCode ?? 'FileNotFound',
        `${what} not found: ${shown}`,
        options.missingHint ?? `check the path`,
        error,
      );
    }
    throw fail(
      'FileUnreadable',
      `cannot read ${what} ${shown}: ${(error as Error).message}`,
      'check the file permissions',
      error,
    );
  }
  const max = options.maxBytes ?? MAX_TEXT_BYTES;
  if (size > max) {
    throw fail(
      'FileTooLarge',
      `${shown} is ${size.toLocaleString('en')} bytes; a ${what} may have at most ${max.toLocaleString('en')}`,
      `this is far larger than any real ${what}: check that it is the file you meant`,
    );
  }
  if (options.inside !== undefined) {
    const real = realpathSync(path);
    const root = realpathSync(options.inside);
    const rel = relative(root, real);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      throw fail(
        'PathOutsideStack',
        `${shown} leads out of the stack directory (to ${real})`,
        'keep the files of a stack inside its directory: copy the file in instead of pointing (or linking) outside',
      );
    }
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw fail(
      'FileUnreadable',
      `cannot read ${what} ${shown}: ${(error as Error).message}`,
      'check the file permissions',
      error,
    );
  }
}
