import { command } from '../command.js';
import { STACK_ARGS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'state show',
  summary: 'print what the state records for one resource',
  description: "Prints the resource's entry (type, identifier, exports, desired state) as JSON.",
  args: [...STACK_ARGS, { name: 'resource', description: 'the manifest resource name' }],
  flags: [...WHERE],
  example: 'deploy state show examples/websocket-api dev api',
  async run(options, io) {
    const { withStateTarget } = await import('../state-target.js');
    const { pullState } = await import('../../state/index.js');
    const { DeployError } = await import('../../errors/index.js');
    const data = JSON.parse(await withStateTarget(options, io, pullState)) as { resources: Record<string, unknown> };
    const entry = Object.hasOwn(data.resources, options.resource) ? data.resources[options.resource] : undefined;
    if (entry === undefined) {
      throw new DeployError('StateEntryNotFound', `${options.resource} is not recorded`, {
        resource: options.resource,
        hint: 'See what is recorded with `deploy state list`.',
      });
    }
    io.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
    return EXIT.ok;
  },
});
