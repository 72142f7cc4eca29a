import { DeployError, DeployErrors, maskError } from '../../errors/index.js';
import { collectSecrets, loadStack, validateStack, type Stack } from '../../stack/index.js';
import { schemaRegistry } from '../../schema/index.js';
import { closest } from '../../common/index.js';
import { EXIT, type CliIO } from '../io.js';
import type { CliOptions } from '../options.js';
import { stackInput } from '../stack-input.js';

/**
 * `deploy render`: the rendered statements and the desired state of each resource, as JSON.
 * Values of resources not yet created show as «unknown:…» tokens.
 */
export default async function render(options: CliOptions, io: CliIO): Promise<number> {
  const stack = loadStack(stackInput(options, io));
  try {
    return renderLoaded(stack, options, io);
  } catch (error) {
    throw maskError(error, stack.secrets);
  }
}

function renderLoaded(stack: Stack, options: CliOptions, io: CliIO): number {
  const { resources, problems } = validateStack(stack, schemaRegistry());
  for (const { resource, rendered, schema } of resources) {
    if (schema) collectSecrets(stack.secrets, resource, schema, { desired: rendered.create?.desiredState });
  }
  const names = resources.map((r) => r.resource.def.name);
  if (options.resource !== undefined && !names.includes(options.resource)) {
    const near = closest(options.resource, names);
    throw new DeployError('UnknownResource', `no resource '${options.resource}' in ${stack.name}`, {
      hint: near.length ? `did you mean ${near.join(', ')}?` : `resources are ${names.join(', ')}`,
    });
  }
  const selected = resources.filter((r) => options.resource === undefined || r.resource.def.name === options.resource);
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
  io.stdout.write(`${JSON.stringify(stack.secrets.maskDeep(out), null, 2)}\n`);
  const relevant = problems.filter((p) => options.resource === undefined || p.location.resource === options.resource);
  if (relevant.length > 0) throw new DeployErrors(relevant);
  return EXIT.ok;
}
