import { command } from '../command.js';
import { STACK_ARGS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'state rm',
  summary: 'forget a resource without deleting it',
  description:
    'Removes the resource from the state only: it stays in the cloud. The next plan finds it by its ' +
    'exists query, or plans to create it.',
  args: [...STACK_ARGS, { name: 'resource', description: 'the manifest resource name' }],
  flags: [...WHERE],
  example: 'deploy state rm examples/websocket-api dev api',
  async run(options, io) {
    const { withStateTarget } = await import('../state-target.js');
    const { forgetEntry } = await import('../../state/index.js');
    await withStateTarget(options, io, (target) => forgetEntry(target, options.resource));
    io.stdout.write(`Forgot ${options.resource}; it was not deleted.\n`);
    return EXIT.ok;
  },
});
