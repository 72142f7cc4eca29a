import { command } from '../command.js';
import { STACK_ARGS, WHERE } from '../flags.js';
import { EXIT } from '../io.js';

export default command({
  name: 'state list',
  summary: 'list the resources the state records',
  description: 'Lists each recorded resource with its type and identifier, from the file or S3 state (--state).',
  args: STACK_ARGS,
  flags: [...WHERE],
  example: 'deploy state list examples/websocket-api dev --state s3://my-bucket/deploy',
  async run(options, io) {
    const { withStateTarget } = await import('../state-target.js');
    const { pullState } = await import('../../state/index.js');
    const data = JSON.parse(await withStateTarget(options, io, pullState)) as {
      resources: Record<string, { type: string; identifier: string }>;
    };
    for (const [name, entry] of Object.entries(data.resources)) {
      io.stdout.write(`${name}\t${entry.type}\t${entry.identifier}\n`);
    }
    return EXIT.ok;
  },
});
