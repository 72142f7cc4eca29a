/**
 * Whether Cloud Control can create a type at all. 183 registry types cannot: 181 legacy types
 * have no handlers (CloudFormation still runs them, Cloud Control answers UnsupportedAction) and
 * two have handlers but no `create`. Saying so at validation beats a failed apply.
 */
import { DeployError, type ErrorLocation } from '../errors/index.js';
import type { TypeSchema } from './types.js';

export function provisionable(schema: Pick<TypeSchema, 'handlers'>): boolean {
  return schema.handlers.includes('create');
}

/** The user error for creating a type Cloud Control cannot create. */
export function notProvisionableError(
  schema: Pick<TypeSchema, 'typeName' | 'handlers'>,
  at: ErrorLocation = {},
): DeployError {
  const what = schema.handlers.length === 0 ? 'has no Cloud Control handlers' : 'has no create handler';
  // Types Cloud Control can still read are worth reading instead of creating.
  const instead = schema.handlers.includes('read')
    ? 'create it outside this stack and read it with a `type: query` resource'
    : 'manage it with CloudFormation or the service API and pass what the stack needs as variables';
  return new DeployError('NotProvisionable', `${schema.typeName} cannot be created through Cloud Control`, {
    ...at,
    hint: `${schema.typeName} ${what} in the CloudFormation registry: ${instead}`,
  });
}

/** Throws notProvisionableError unless the type has a create handler. */
export function assertProvisionable(schema: TypeSchema, at: ErrorLocation = {}): void {
  if (!provisionable(schema)) throw notProvisionableError(schema, at);
}

/** For validators that collect problems: none when Cloud Control can create the type. */
export function provisionProblems(schema: TypeSchema, at: ErrorLocation = {}): DeployError[] {
  return provisionable(schema) ? [] : [notProvisionableError(schema, at)];
}
