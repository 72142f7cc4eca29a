/**
 * Crash-safe file replacement: write a temp file beside the target, fsync it, then rename
 * (or link) it into place. Readers see the old content or the new, never a torn file. The
 * temp file sits in the same directory so the rename never crosses file systems.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Fail with EEXIST instead of replacing an existing file (hard link, which is atomic). */
  exclusive?: boolean;
  /** File mode; the default keeps state private to its owner, as it may hold secrets. */
  mode?: number;
}

export function writeFileAtomic(path: string, data: string, options: AtomicWriteOptions = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', options.mode ?? 0o600);
    writeFileSync(fd, data, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.exclusive === true) linkSync(temp, path);
    else renameSync(temp, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
    // After a rename the temp name is gone already; after a link or a failure it must go.
    rmSync(temp, { force: true });
  }
  syncDirectory(dir);
}

/** Makes the new directory entry durable. Not every platform can open a directory: best effort. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows and some file systems refuse; the rename itself is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
