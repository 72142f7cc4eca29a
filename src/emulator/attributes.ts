/**
 * Fills in the read-only attributes a real service would generate: ids, ARNs, endpoints. Where
 * recorded reads from AWS show how the service forms a value (real-reads.ts: `vpc-` and 17 hex
 * digits, a 10-character ApiId, `${Arn}/stream/<time>`), that is what is generated; otherwise
 * ARNs come from the type's arnTemplate and ids from a generic rule, so references like
 * `${Arn}` in a manifest resolve to plausible values either way.
 */
import { randomBytes } from 'node:crypto';
import type { TypeSchema, ValueType } from '../schema/index.js';
import { attributeTemplate } from './real-reads.js';
import type { Model } from './types.js';
import { expandTemplate, partitionOf, randomFrom, templateReferences, type TemplateScope } from './value-template.js';

export const ACCOUNT_ID = '123456789012';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `n` random lowercase alphanumerics. */
export function randomId(n: number): string {
  return randomFrom(ALPHABET, n);
}

function typeParts(typeName: string): { service: string; short: string } {
  const [, service = '', short = ''] = typeName.split('::');
  return { service, short };
}

/** An id when the samples say nothing about the type: API Gateway's shape, else `<type>-<hex>`. */
function newId(schema: TypeSchema): string {
  const { service, short } = typeParts(schema.typeName);
  if (service.toLowerCase().startsWith('apigateway')) return randomId(7);
  return `${short.toLowerCase().slice(0, 12)}-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

/** A made-up resource name, like the ones CloudFormation gives unnamed resources. */
function newName(schema: TypeSchema): string {
  return `${typeParts(schema.typeName).short.toLowerCase()}-${randomId(12)}`;
}

const isArnName = (name: string): boolean => /(Arn|ARN)$/.test(name);
const isHostName = (name: string): boolean => /(Endpoint|DnsName|DomainName|Hostname|Url|URL)$/.test(name);
const isTimeName = (name: string): boolean => /(Time|Date|At|Timestamp)$/.test(name);

/**
 * Returns a copy of `model` with every read-only attribute generated, and with the optional
 * names AWS would make up (a bucket's BucketName, a queue's QueueName: writable identifier
 * parts and names the ARN template or a learned attribute is built from, left out) generated
 * first, so ARNs and host names agree with them. Identifier parts come first; an attribute
 * built from another generates that one on demand.
 */
export function generateReadOnly(schema: TypeSchema, model: Model, region: string): Model {
  const result: Model = { ...model };
  for (const name of namesToInvent(schema)) {
    const property = schema.properties[name];
    if (!(name in result) && property?.type.kind === 'string') result[name] = newName(schema);
  }
  const pending = new Set(Object.keys(schema.readOnly));
  const scope: TemplateScope = {
    region,
    account: ACCOUNT_ID,
    property: (name) => {
      generate(name);
      return result[name];
    },
  };
  const generate = (name: string): void => {
    const type = schema.readOnly[name];
    if (!pending.delete(name) || type === undefined) return;
    const template = attributeTemplate(schema.typeName, name);
    const learned = template === undefined ? undefined : expandTemplate(template, scope);
    result[name] = learned ?? fallback(schema, name, type, result, region, generate);
  };
  for (const name of [...schema.primaryIdentifier, ...Object.keys(schema.readOnly)]) generate(name);
  return result;
}

function namesToInvent(schema: TypeSchema): Set<string> {
  const templateVars = [...(schema.arnTemplate ?? '').matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  const learned = Object.keys(schema.readOnly)
    .flatMap((name) => templateReferences(attributeTemplate(schema.typeName, name)))
    .filter((name) => name.endsWith('Name'));
  return new Set([...schema.primaryIdentifier, ...templateVars, ...learned]);
}

/** What nothing learned covers: ARNs and host names from the identifier, neutral values otherwise. */
function fallback(
  schema: TypeSchema,
  name: string,
  type: ValueType,
  model: Model,
  region: string,
  generate: (name: string) => void,
): unknown {
  if (type.kind === 'string' && (isArnName(name) || isHostName(name))) {
    // Built from the identifier: generate its parts first.
    for (const part of schema.primaryIdentifier) generate(part);
    return isArnName(name) ? arnFor(schema, name, model, region) : hostFor(schema, name, model, region);
  }
  return placeholder(schema, name, type);
}

function placeholder(schema: TypeSchema, name: string, type: ValueType): unknown {
  switch (type.kind) {
    case 'string':
      if (type.allowed?.length) return type.allowed[0];
      return isTimeName(name) ? new Date().toISOString() : newId(schema);
    case 'date-time':
      return new Date().toISOString();
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return {};
  }
}

/** The first generated or given identifier value, to embed in ARNs and host names. */
function anchor(schema: TypeSchema, model: Model): string {
  for (const part of schema.primaryIdentifier) {
    const value = model[part];
    if ((typeof value === 'string' && !value.startsWith('arn:')) || typeof value === 'number') return String(value);
  }
  return newId(schema);
}

function hostFor(schema: TypeSchema, name: string, model: Model, region: string): string {
  const { service } = typeParts(schema.typeName);
  if (schema.typeName === 'AWS::ApiGatewayV2::Api' && name === 'ApiEndpoint') {
    const scheme = model['ProtocolType'] === 'WEBSOCKET' ? 'wss' : 'https';
    return `${scheme}://${String(model['ApiId'])}.execute-api.${region}.amazonaws.com`;
  }
  const host = `${anchor(schema, model)}.${service.toLowerCase()}.${region}.amazonaws.com`;
  return /(Url|URL)$/.test(name) ? `https://${host}` : host;
}

function arnFor(schema: TypeSchema, name: string, model: Model, region: string): string {
  const { service, short } = typeParts(schema.typeName);
  const partition = partitionOf(region);
  const arnNames = Object.keys(schema.readOnly).filter(isArnName);
  const own =
    name === 'Arn' || name === `${short}Arn` || schema.primaryIdentifier.includes(name) || arnNames.length === 1;
  if (own && schema.arnTemplate) {
    return schema.arnTemplate.replace(/\$\{([^}]+)\}/g, (_, variable: string) => {
      if (variable === 'Partition') return partition;
      if (variable === 'Region') return region;
      if (variable === 'Account' || variable === 'AccountId') return ACCOUNT_ID;
      // `${RoleNameWithPath}` and the like: the name itself (paths default to `/`).
      const value = model[variable] ?? model[variable.replace(/WithPath$/, '')];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : newId(schema);
    });
  }
  const resource = name === 'Arn' ? short : name.replace(/(Arn|ARN)$/, '');
  return `arn:${partition}:${service.toLowerCase()}:${region}:${ACCOUNT_ID}:${resource.toLowerCase()}/${anchor(schema, model)}`;
}
