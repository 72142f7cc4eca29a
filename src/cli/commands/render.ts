import { DeployError, DeployErrors, maskError } from '../../errors/index.js';
import { command, flag } from '../command.js';
import { STACK_ARGS, VARS } from '../flags.js';
import { EXIT } from '../io.js';
import { stackInput } from '../stack-input.js';

export default command({
  name: 'render',
  summary: 'print rendered statements and desired state as JSON',
  description:
    'Prints the rendered statements and the desired state of each resource as JSON. Values of ' +
    'resources not yet created show as «unknown:…» tokens.',
  args: STACK_ARGS,
  flags: [
    flag({
      name: 'resource',
      value: 'NAME',
      description: 'only this resource',
      default: undefined as string | undefined,
    }),
    ...VARS,
  ],
  example: 'deploy render examples/websocket-api dev --resource api',
  async run(options, io) {
    const { closest } = await import('../../common/index.js');
    const { collectSecrets, loadStack, validateStack } = await import('../../stack/index.js');
    const { schemaRegistry } = await import('../../schema/index.js');
    const stack = loadStack(stackInput(options, io));
    const masked = <T>(value: T): T => stack.secrets.maskDeep(value);
    try {
      const { resources, problems } = await validateStack(stack, schemaRegistry());
      // Secret values (protected exports, write-only properties, --secret) print as (sensitive).
      for (const { resource, rendered, schema } of resources) {
        if (schema) collectSecrets(stack.secrets, resource, schema, { desired: rendered.create?.desiredState });
      }
      const names = resources.map((r) => r.resource.def.name);
      const wanted = options.resource;
      if (wanted !== undefined && !names.includes(wanted)) {
        const near = closest(wanted, names);
        throw new DeployError('UnknownResource', `no resource '${wanted}' in ${stack.name}`, {
          hint: near.length ? `did you mean ${near.join(', ')}?` : `resources are ${names.join(', ')}`,
        });
      }
      const selected = resources.filter((r) => wanted === undefined || r.resource.def.name === wanted);
      const out = selected.map(({ resource, rendered, schema }) => ({
        resource: resource.def.name,
        type: schema?.typeName,
        dependsOn: resource.dependsOn,
        statements: rendered.statements.map((s) => ({
          anchor: s.anchor,
          file: resource.file,
          line: s.line,
          sql: s.sql.trim(),
        })),
        desiredState: rendered.create?.desiredState,
        region: rendered.create?.region,
      }));
      io.stdout.write(`${JSON.stringify(masked(out), null, 2)}\n`);
      const relevant = problems.filter((p) => wanted === undefined || p.location.resource === wanted);
      if (relevant.length > 0) throw new DeployErrors(relevant);
      return EXIT.ok;
    } catch (error) {
      throw maskError(error, stack.secrets);
    }
  },
});
