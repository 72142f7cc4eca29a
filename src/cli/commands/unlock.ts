import { command } from '../command.js';
import { STACK_ARGS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'unlock',
  summary: 'remove a stale lock left by a killed run',
  description:
    "Removes the lock a killed run left on the stack's environment (a live run's lease would be " +
    'taken over anyway once expired). With --state s3://…, the lock object in S3.',
  args: STACK_ARGS,
  flags: [...WHERE],
  example: 'deploy unlock examples/websocket-api dev',
  async run(options, io) {
    const { withStateTarget } = await import('../state-target.js');
    const info = await withStateTarget(options, io, (t) => t.backend.forceUnlock(t.stack, t.env));
    io.stdout.write(
      info
        ? `Removed the lock held by ${info.owner} (${info.command}, since ${info.acquiredAt}).\n`
        : `${options.stackDir} (${options.env}) was not locked.\n`,
    );
    return EXIT.ok;
  },
});
