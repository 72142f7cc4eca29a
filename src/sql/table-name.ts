/**
 * StackQL table names → Cloud Control types: `aws.<service>.<resources>` (also `awscc.`, and
 * the singular), `<resources>_list_only` and `<resource>_tags`. Anything else is refused here,
 * with its line, before SQLite could call it a syntax error.
 */
import { DeployError } from '../errors/index.js';
import type { SchemaRegistry, TypeSchema } from '../schema/index.js';
import type { QueryOrigin, StackqlTable, TableVariant } from './types.js';

const PROVIDERS = ['aws', 'awscc'];

const SUFFIXES: [string, TableVariant][] = [
  ['_list_only', 'list_only'],
  ['_tags', 'tags'],
];

export function resolveTable(parts: string[], registry: SchemaRegistry, at: QueryOrigin): StackqlTable {
  const name = parts.join('.');
  const fail = (code: string, message: string, hint: string): never => {
    throw new DeployError(code, message, { ...at, hint });
  };
  const [provider = '', service = '', resource = ''] = parts.map((p) => p.toLowerCase());
  if (parts.length !== 3 || !PROVIDERS.includes(provider)) {
    fail(
      'UnsupportedProvider',
      PROVIDERS.includes(provider)
        ? `'${name}' is not of the form ${provider}.<service>.<resources>`
        : `provider '${parts[0]}' is not supported`,
      'read AWS Cloud Control resources: aws.<service>.<resources>, <resources>_list_only or <resource>_tags',
    );
  }
  if (resource.startsWith('vw_')) {
    fail(
      'UnsupportedView',
      `the StackQL view '${name}' is not supported`,
      `select from the resource itself (aws.${service}.<resources>) or its _tags table, and compute the columns in the query`,
    );
  }
  const exact = registry.find(`aws.${service}.${resource}`);
  if (exact) return { name, schema: exact, variant: 'resource' };
  for (const [suffix, variant] of SUFFIXES) {
    if (!resource.endsWith(suffix)) continue;
    const schema = registry.find(`aws.${service}.${resource.slice(0, -suffix.length)}`);
    if (schema) return { name, schema, variant };
  }
  return { name, schema: unknownType(name, registry, at), variant: 'resource' };
}

function unknownType(name: string, registry: SchemaRegistry, at: QueryOrigin): TypeSchema {
  try {
    return registry.resolve(name);
  } catch (error) {
    if (!DeployError.is(error)) throw error;
    throw new DeployError(error.code, error.message, { ...at, hint: error.hint, cause: error });
  }
}
