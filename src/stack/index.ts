/** Loading a stack for one environment, rendering its queries and validating them. No cloud. */
export { loadStack, templateVars, withResource } from './stack.js';
export type { Stack, StackInput, StackResource } from './types.js';
export { validateStack, type ValidatedResource } from './validate.js';
export {
  renderResource,
  renderTyped,
  schemaOf,
  type RenderedQuery,
  type RenderedResource,
  type RenderedStatement,
} from './render.js';
export {
  templateBase,
  snakeColumns,
  ownColumns,
  resourceColumns,
  thisOf,
  idempotencyToken,
  EXCLUDED,
  stackExports,
  producersRead,
  type Known,
} from './context.js';
export { rememberedRender, renderWith } from './render-with.js';
export { conditionHolds } from './condition.js';
export { missingProducers } from './edges.js';
export { renderRun } from './render-run.js';
export { assertSupportedType } from './supported-type.js';
export { collectSecrets, sensitiveProperties, type SecretSources } from './secrets.js';
