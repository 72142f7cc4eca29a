import { DeployErrors } from '../../errors/index.js';
import { loadStack, validateStack } from '../../stack/index.js';
import { schemaRegistry } from '../../schema/index.js';
import { EXIT, type CliIO } from '../io.js';
import type { CliOptions } from '../options.js';
import { stackInput } from '../stack-input.js';

export default async function validate(options: CliOptions, io: CliIO): Promise<number> {
  const stack = loadStack(stackInput(options, io));
  const { resources, problems } = await validateStack(stack, schemaRegistry());
  if (problems.length > 0) throw new DeployErrors(problems);
  const statements = resources.reduce((n, r) => n + r.rendered.statements.length, 0);
  io.stdout.write(
    `${stack.name} (${stack.env}) is valid: ${resources.length} resources, ${statements} statements checked against their schemas.\n`,
  );
  return EXIT.ok;
}
