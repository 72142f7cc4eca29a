/**
 * `type: command` resources: statements run on every apply once what they use exists, as
 * stackql-deploy's build does (teardown skips them). Each INSERT, UPDATE or DELETE is the
 * Cloud Control operation it stands for; a SELECT is run and its rows ignored. What a command
 * creates is not recorded: it is not the stack's to delete.
 */
import { DeployError } from '../errors/index.js';
import type { PatchOperation } from '../plan/index.js';
import { parseStatement, splitStatements } from '../query/index.js';
import type { StackResource } from '../stack/index.js';
import { containsUnknown, unknownPaths } from '../template/index.js';
import { renderAnchor } from './anchor-query.js';
import type { ApplyContext } from './plan-context.js';

export async function runCommand(
  ctx: ApplyContext,
  resource: StackResource,
  known: Map<string, Record<string, unknown>>,
): Promise<void> {
  const name = resource.def.name;
  const rendered = renderAnchor(ctx, resource, known, 'command');
  const block = rendered.statements[0];
  if (!block) {
    throw new DeployError('MissingCommand', `command resource '${name}' has no statement`, {
      file: resource.file,
      resource: name,
      hint: 'add sql: <statement> to the resource, or a /*+ command */ block to its .iql file',
    });
  }
  if (containsUnknown(block.sql)) {
    throw new DeployError(
      'UnresolvedValue',
      `the command of '${name}' uses values nothing exported: ${unknownPaths(block.sql).join(', ')}`,
      {
        file: resource.file,
        line: block.line,
        resource: name,
        hint: 'check the names it uses against the exports of the resources before it',
      },
    );
  }
  const origin = { file: resource.file, line: block.line, resource: name };
  for (const statement of splitStatements(block.sql, origin)) {
    const at = { ...origin, line: statement.line };
    if (statement.verb === 'select' || statement.verb === 'with') {
      await ctx.sql.select(statement.sql, at);
      continue;
    }
    const op = parseStatement(statement.sql, { ...at, registry: ctx.registry });
    if (op.kind === 'create') await ctx.cloud.createResource(op.typeName, op.region, op.desiredState);
    else if (op.kind === 'update')
      await ctx.cloud.updateResource(op.typeName, op.region, op.identifier, op.patch as PatchOperation[]);
    else if (op.kind === 'delete') await ctx.cloud.deleteResource(op.typeName, op.region, op.identifier);
    else await ctx.sql.select(statement.sql, at);
  }
}
