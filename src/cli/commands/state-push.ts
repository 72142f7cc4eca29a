import { command } from '../command.js';
import { STACK_ARGS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'state push',
  summary: 'replace the state with a file from state pull',
  description:
    "Replaces the stack's state with FILE (the state.json format, as `state pull` prints it), holding the " +
    'lock. A file recorded for another stack or environment is refused.',
  args: [...STACK_ARGS, { name: 'file', description: 'the state.json to push' }],
  flags: [...WHERE],
  example: 'deploy state push examples/websocket-api dev state.json --state s3://my-bucket/deploy',
  async run(options, io) {
    const { readFileSync } = await import('node:fs');
    const path = (await import('node:path')).resolve(io.cwd, options.file);
    const { withStateTarget } = await import('../state-target.js');
    const { pushState } = await import('../../state/index.js');
    const text = readFileSync(path, 'utf8');
    await withStateTarget(options, io, (target) => pushState(target, text, path));
    io.stdout.write(`Pushed ${options.file} to ${options.stackDir} (${options.env}).\n`);
    return EXIT.ok;
  },
});
