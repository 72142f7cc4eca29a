/**
 * Naming rules between CloudFormation (`AWS::EC2::VPCEndpoint`) and StackQL
 * (`aws.ec2.vpc_endpoints`): service lower-cased, resource snake_cased and pluralised.
 */
import { perObject } from '../common/index.js';
import type { TypeSchema } from './types.js';

const snakeCache = new Map<string, string>();

/** `VPCEndpoint` → `vpc_endpoint`, `DBInstance` → `db_instance`, `ApiId` → `api_id`. */
export function snakeCase(name: string): string {
  let snake = snakeCache.get(name);
  if (snake === undefined) {
    snake = name
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9_]/g, '_')
      .toLowerCase();
    // The same few property names come back for every resource; a bound keeps odd input harmless.
    if (snakeCache.size >= 10_000) snakeCache.clear();
    snakeCache.set(name, snake);
  }
  return snake;
}

/** `integration_id` → `IntegrationId` (best effort; schema lookups prefer exact matches). */
export function pascalCase(name: string): string {
  return name
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

const IRREGULAR: Record<string, string> = { index: 'indexes', schema: 'schemas', data: 'data', metadata: 'metadata' };

/** English plural of the last word of a snake_case name. */
export function pluralize(snake: string): string {
  const cut = snake.lastIndexOf('_');
  const head = snake.slice(0, cut + 1);
  const word = snake.slice(cut + 1);
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return head + irregular;
  if (/[^aeiou]y$/.test(word)) return head + word.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(word)) return head + word + 'es';
  return head + word + 's';
}

/** `AWS::ApiGatewayV2::IntegrationResponse` → `aws.apigatewayv2.integration_responses` */
export function stackqlNameOf(typeName: string): string {
  const [, service = '', resource = ''] = typeName.split('::');
  return `aws.${service.toLowerCase()}.${pluralize(snakeCase(resource))}`;
}

/** Canonical key for lookups: `awscc.` and `aws.` prefixes are the same Cloud Control types. */
export function normaliseStackqlName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^awscc\./, 'aws.');
}

/** The registry's service file of a type: `AWS::ApiGatewayV2::Api` → `apigatewayv2`. */
export function serviceKeyOf(typeName: string): string {
  return (typeName.split('::')[1] ?? 'unknown').toLowerCase();
}

/**
 * A type's properties, then its read-only ones, as StackQL columns (`ApiId` → `api_id`): worked
 * out once per schema, not for every resource of the type.
 */
export const typeColumns = perObject((schema: TypeSchema): readonly string[] =>
  [...Object.keys(schema.properties), ...Object.keys(schema.readOnly)].map(snakeCase),
);
