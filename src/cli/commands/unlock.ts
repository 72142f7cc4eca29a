import { resolve } from 'node:path';
import { command } from '../command.js';
import { STACK_ARGS } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'unlock',
  summary: 'remove a stale lock left by a killed run',
  description:
    "Removes the lock a killed run left on the stack's environment (a live run's lease would be " +
    'taken over anyway once expired).',
  args: STACK_ARGS,
  flags: [],
  example: 'deploy unlock examples/websocket-api dev',
  async run(options, io) {
    const { forceUnlock } = await import('../../state/index.js');
    const info = forceUnlock(resolve(io.cwd, options.stackDir), options.env);
    io.stdout.write(
      info
        ? `Removed the lock held by ${info.owner} (${info.command}, since ${info.acquiredAt}).\n`
        : `${options.stackDir} (${options.env}) was not locked.\n`,
    );
    return EXIT.ok;
  },
});
