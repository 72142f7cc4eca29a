import { resolve } from 'node:path';
import { forceUnlock } from '../../state/index.js';
import { EXIT, type CliIO } from '../io.js';
import { stackArgs, type CliOptions } from '../options.js';

/** Removes a lock left by a killed run (a live run's lease would be taken over anyway once expired). */
export default async function unlock(options: CliOptions, io: CliIO): Promise<number> {
  const { stackDir, env } = stackArgs(options);
  const info = forceUnlock(resolve(io.cwd, stackDir), env);
  io.stdout.write(
    info
      ? `Removed the lock held by ${info.owner} (${info.command}, since ${info.acquiredAt}).\n`
      : `${stackDir} (${env}) was not locked.\n`,
  );
  return EXIT.ok;
}
