import { command, flag } from '../command.js';
import { ON_FAILURE, STACK_ARGS, STACK_RUN, YES } from '../flags.js';

export default command({
  name: 'apply',
  summary: 'create, update, replace and delete to match the stack',
  description:
    'Plans, shows the plan and asks (or takes --yes), then creates, updates, replaces and deletes ' +
    'in dependency order, in parallel, recording each result in the ledger.',
  args: STACK_ARGS,
  flags: [
    flag({
      name: 'plan',
      value: 'FILE',
      description: 'apply exactly this saved plan (plan --out); refused if the cloud changed since',
      default: undefined as string | undefined,
    }),
    YES,
    ON_FAILURE,
    ...STACK_RUN,
  ],
  example: 'deploy apply examples/websocket-api dev --local --yes',
  async run(options, io) {
    const { applyLike } = await import('../apply-like.js');
    return applyLike('apply', options, io);
  },
});
