/**
 * The resource a statement targets: `aws.<service>.<resources>` or `awscc.<service>.<resources>`,
 * resolved to its schema through the registry.
 */
import { DeployError } from '../errors/index.js';
import type { TypeSchema } from '../schema/index.js';
import type { Cursor } from './cursor.js';
import type { StatementContext } from './types.js';

export interface Table {
  /** As written, e.g. `awscc.apigatewayv2.integrations`. */
  stackqlName: string;
  schema: TypeSchema;
  line: number;
}

const PROVIDERS = ['aws', 'awscc'];

/**
 * `listView`: the 2025 `aws` provider exposes `<resources>_list_only` views for listing; a
 * SELECT through one means the same type.
 */
export function parseTable(cursor: Cursor, ctx: StatementContext, listView = false): Table {
  const first = cursor.expectName('a resource name such as aws.<service>.<resources>');
  const parts = [first.text];
  while (cursor.acceptPunct('.')) parts.push(cursor.expectName('a name after the dot').text);
  const stackqlName = parts.join('.');
  const provider = (parts[0] as string).toLowerCase();
  if (parts.length !== 3 || !PROVIDERS.includes(provider)) {
    const problem = PROVIDERS.includes(provider)
      ? `'${stackqlName}' is not of the form ${provider}.<service>.<resources>`
      : `provider '${parts[0]}' is not supported`;
    throw cursor.error(
      'UnsupportedProvider',
      problem,
      first.line,
      'use an AWS Cloud Control resource: aws.<service>.<resources> or awscc.<service>.<resources>',
    );
  }
  if (parts[1]?.toLowerCase() === 'cloud_control') {
    throw cursor.error(
      'UnsupportedStatement',
      `the generic '${stackqlName}' resource is not supported`,
      first.line,
      'name the typed resource instead, e.g. aws.apigatewayv2.integrations',
    );
  }
  const lookup = listView ? stackqlName.replace(/_list_only$/i, '') : stackqlName;
  return { stackqlName, schema: resolveType(lookup, ctx, first.line), line: first.line };
}

function resolveType(name: string, ctx: StatementContext, line: number): TypeSchema {
  try {
    return ctx.registry.resolve(name);
  } catch (error) {
    if (!DeployError.is(error)) throw error;
    throw new DeployError(error.code, error.message, {
      file: ctx.file,
      line,
      resource: ctx.resource,
      hint: error.hint,
      cause: error,
    });
  }
}
