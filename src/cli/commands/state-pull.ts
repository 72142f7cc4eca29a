import { command } from '../command.js';
import { STACK_ARGS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'state pull',
  summary: 'print the state as JSON (the state.json format)',
  description:
    'Prints the whole ledger in the state.json format, journal included: a backup, or the way to move ' +
    'state between backends (`state pull … > f`, then `state push … f --state …`).',
  args: STACK_ARGS,
  flags: [...WHERE],
  example: 'deploy state pull examples/websocket-api dev --state s3://my-bucket/deploy > state.json',
  async run(options, io) {
    const { withStateTarget } = await import('../state-target.js');
    const { pullState } = await import('../../state/index.js');
    io.stdout.write(await withStateTarget(options, io, pullState));
    return EXIT.ok;
  },
});
