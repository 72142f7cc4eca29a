/**
 * A resource's `if:` condition. stackql-deploy `eval()`s the rendered text as Python; here it
 * is rendered, then evaluated as a nunjucks expression, which speaks the same small language
 * users write (`'{{ stack_env }}' == 'prd'`, `and`, `or`, `not`, `in`) without running code.
 */
import { DeployError } from '../errors/index.js';
import { displayPath, resourceContext } from '../manifest/index.js';
import { renderTemplate } from '../template/index.js';
import { templateBase } from './context.js';
import type { Stack, StackResource } from './types.js';

export function conditionHolds(
  ctx: { stack: Stack },
  resource: StackResource,
  known: ReadonlyMap<string, Record<string, unknown>>,
): boolean {
  const condition = resource.def.if;
  if (condition === undefined) return true;
  const file = displayPath(ctx.stack.manifest.file);
  const source = { file, line: resource.def.line, resource: resource.def.name };
  const base = templateBase(ctx.stack, known, resource);
  const context = resourceContext(ctx.stack.manifest, resource.def, ctx.stack.env, base);
  const expression = renderTemplate({ ...source, text: condition }, context);
  const verdict = renderTemplate({ ...source, text: `{{ 'yes' if (${expression}) else 'no' }}` }, {}).trim();
  if (verdict !== 'yes' && verdict !== 'no') {
    throw new DeployError('InvalidCondition', `the if condition '${condition}' did not evaluate to true or false`, {
      ...source,
      hint: "write a comparison, e.g. if: \"'{{ stack_env }}' == 'prd'\"",
    });
  }
  return verdict === 'yes';
}
