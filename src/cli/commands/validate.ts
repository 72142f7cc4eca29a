import { DeployErrors } from '../../errors/index.js';
import { command } from '../command.js';
import { STACK_ARGS, VARS } from '../flags.js';
import { EXIT } from '../io.js';
import { stackInput } from '../stack-input.js';

export default command({
  name: 'validate',
  summary: 'check manifest, templates and queries against the schemas',
  description:
    "Checks the manifest, renders every query, parses it and checks it against its type's schema. " +
    'Makes no cloud call.',
  args: STACK_ARGS,
  flags: [...VARS],
  example: 'deploy validate examples/websocket-api dev',
  async run(options, io) {
    const { loadStack, validateStack } = await import('../../stack/index.js');
    const { schemaRegistry } = await import('../../schema/index.js');
    const stack = loadStack(stackInput(options, io));
    const { resources, problems } = validateStack(stack, schemaRegistry());
    if (problems.length > 0) throw new DeployErrors(problems);
    const statements = resources.reduce((n, r) => n + r.rendered.statements.length, 0);
    io.stdout.write(
      `${stack.name} (${stack.env}) is valid: ${resources.length} resources, ${statements} statements checked against their schemas.\n`,
    );
    return EXIT.ok;
  },
});
