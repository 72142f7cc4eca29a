export { DeployError, DeployErrors } from './deploy-error.js';
export type { ErrorLocation, DeployErrorOptions } from './deploy-error.js';
export { maskError } from './mask.js';
