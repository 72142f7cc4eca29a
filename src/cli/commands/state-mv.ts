import { command } from '../command.js';
import { STACK_ARGS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'state mv',
  summary: 'rename a resource in the state (after renaming it in the manifest)',
  description: 'Records the resource under a new manifest name; it keeps its identifier, nothing in the cloud changes.',
  args: [
    ...STACK_ARGS,
    { name: 'from', description: 'the recorded name' },
    { name: 'to', description: 'the new name' },
  ],
  flags: [...WHERE],
  example: 'deploy state mv examples/websocket-api dev api websocket_api',
  async run(options, io) {
    const { withStateTarget } = await import('../state-target.js');
    const { moveEntry } = await import('../../state/index.js');
    await withStateTarget(options, io, (target) => moveEntry(target, options.from, options.to));
    io.stdout.write(`Moved ${options.from} to ${options.to}.\n`);
    return EXIT.ok;
  },
});
