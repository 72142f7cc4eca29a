import { command } from '../command.js';
import { ON_FAILURE, STACK_ARGS, STACK_RUN, YES } from '../flags.js';

export default command({
  name: 'teardown',
  summary: 'delete everything the stack deployed, children first',
  description:
    "Deletes every resource the stack's ledger records, children first. It never deletes " +
    'resources it only found by query.',
  args: STACK_ARGS,
  flags: [YES, ON_FAILURE, ...STACK_RUN],
  example: 'deploy teardown examples/websocket-api dev --local --yes',
  async run(options, io) {
    const { applyLike } = await import('../apply-like.js');
    return applyLike('teardown', options, io);
  },
});
