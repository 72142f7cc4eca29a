/**
 * Fills in the read-only attributes a real service would generate: ids, ARNs, endpoints.
 * API Gateway ids look like API Gateway's (7 lowercase alphanumerics); ARNs come from the
 * type's arnTemplate, so references like `${Arn}` in a manifest resolve to plausible values.
 */
import { randomBytes } from 'node:crypto';
import type { TypeSchema, ValueType } from '../schema/index.js';
import type { Model } from './types.js';

export const ACCOUNT_ID = '123456789012';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `n` random lowercase alphanumerics. */
export function randomId(n: number): string {
  const bytes = randomBytes(n);
  let id = '';
  // The slight modulo bias (256 is not a multiple of 36) does not matter for ids.
  for (const byte of bytes) id += ALPHABET[byte % 36];
  return id;
}

function typeParts(typeName: string): { service: string; short: string } {
  const [, service = '', short = ''] = typeName.split('::');
  return { service, short };
}

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
 * names AWS would make up (a bucket's BucketName, a topic's TopicName: writable identifier
 * parts and ARN template variables left out) generated first, so ARNs and host names agree
 * with them.
 */
export function generateReadOnly(schema: TypeSchema, model: Model, region: string): Model {
  const result: Model = { ...model };
  const templateVars = [...(schema.arnTemplate ?? '').matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  for (const name of new Set([...schema.primaryIdentifier, ...templateVars])) {
    const property = schema.properties[name];
    if (!(name in result) && property?.type.kind === 'string') result[name] = newName(schema);
  }
  const later: string[] = [];
  for (const [name, type] of Object.entries(schema.readOnly)) {
    if (type.kind === 'string' && (isArnName(name) || isHostName(name))) later.push(name);
    else result[name] = placeholder(schema, name, type);
  }
  // Second pass: ARNs and host names are built from the ids generated above.
  for (const name of later) {
    result[name] = isArnName(name) ? arnFor(schema, name, result, region) : hostFor(schema, name, result, region);
  }
  return result;
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
  const arnNames = Object.keys(schema.readOnly).filter(isArnName);
  const own =
    name === 'Arn' || name === `${short}Arn` || schema.primaryIdentifier.includes(name) || arnNames.length === 1;
  if (own && schema.arnTemplate) {
    return schema.arnTemplate.replace(/\$\{([^}]+)\}/g, (_, variable: string) => {
      if (variable === 'Partition') return 'aws';
      if (variable === 'Region') return region;
      if (variable === 'Account' || variable === 'AccountId') return ACCOUNT_ID;
      // `${RoleNameWithPath}` and the like: the name itself (paths default to `/`).
      const value = model[variable] ?? model[variable.replace(/WithPath$/, '')];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : newId(schema);
    });
  }
  const resource = name === 'Arn' ? short : name.replace(/(Arn|ARN)$/, '');
  return `arn:aws:${service.toLowerCase()}:${region}:${ACCOUNT_ID}:${resource.toLowerCase()}/${anchor(schema, model)}`;
}
