/**
 * StackQL tables that are not resource types, answered through Cloud Control:
 * - `awscc.cloud_control.resource_requests` (also `cloudcontrol.resource_request_statuses`, …):
 *   the status of a mutation request, by `RequestToken` (what `callback` anchors poll);
 * - `awscc.tagging.tagged_resources`: resources of the `ResourceTypeFilters` types (`ec2:vpc`)
 *   carrying every tag of `TagFilters` (`[{"Key": k, "Values": [v]}]`), with their ARN. AWS
 *   answers it from the Resource Groups Tagging API; here the types are listed and filtered.
 * Their parameters are columns holding the values asked for, so the WHERE clause that passes
 * them also holds in SQLite.
 */
import pLimit from 'p-limit';
import type { CloudControlPort } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import { snakeCase, type SchemaRegistry, type TypeSchema } from '../schema/index.js';
import { sqlValue, type Column } from './columns.js';
import type { Constraint, QueryOrigin, SqlValue } from './types.js';

export interface VirtualTable {
  name: string;
  columns: Column[];
  /** Throws, naming what is missing, when the restrictions do not say what to read. */
  check(constraints: Constraint[], at: QueryOrigin): void;
  read(cloud: CloudControlPort, constraints: Constraint[], parallelism: number): Promise<SqlValue[][]>;
}

const text = (name: string): Column => ({ name, affinity: 'TEXT' });

function single(constraints: Constraint[], column: string): string[] {
  return (constraints.find((c) => c.column === column.toLowerCase())?.values ?? []).map(String);
}

function requireColumns(table: string, constraints: Constraint[], at: QueryOrigin, needed: string[]): void {
  const missing = needed.filter((n) => single(constraints, n).length === 0);
  if (missing.length === 0) return;
  throw new DeployError('MissingListKey', `reading ${table} needs ${missing.join(' and ')}`, {
    ...at,
    hint: `add ${missing.map((m) => `AND ${m} = '…'`).join(' ')} to the WHERE clause`,
  });
}

const PROGRESS_FIELDS = [
  'TypeName',
  'Identifier',
  'RequestToken',
  'HooksRequestToken',
  'Operation',
  'OperationStatus',
  'EventTime',
  'ResourceModel',
  'StatusMessage',
  'ErrorCode',
  'RetryAfter',
];

function requests(name: string): VirtualTable {
  return {
    name,
    columns: [text('region'), ...PROGRESS_FIELDS.map(text)],
    check: (constraints, at) => requireColumns(name, constraints, at, ['region', 'RequestToken']),
    async read(cloud, constraints) {
      const rows: SqlValue[][] = [];
      for (const region of single(constraints, 'region')) {
        for (const token of single(constraints, 'RequestToken')) {
          const event = await cloud.requestStatus(region, token);
          if (event) rows.push([region, ...PROGRESS_FIELDS.map((f) => sqlValue(event[f]))]);
        }
      }
      return rows;
    },
  };
}

function taggedResources(name: string, registry: SchemaRegistry): VirtualTable {
  const parameters = ['region', 'TagFilters', 'ResourceTypeFilters'];
  return {
    name,
    columns: [text('ResourceARN'), { name: 'Tags', affinity: '' }, ...parameters.map(text)],
    check(constraints, at) {
      requireColumns(name, constraints, at, parameters);
      for (const filters of single(constraints, 'ResourceTypeFilters')) typesOf(filters, registry, at);
    },
    async read(cloud, constraints, parallelism) {
      const limit = pLimit(parallelism);
      const rows: SqlValue[][] = [];
      const at = { file: '', line: 0 };
      for (const region of single(constraints, 'region'))
        for (const typeFilters of single(constraints, 'ResourceTypeFilters'))
          for (const tagFilters of single(constraints, 'TagFilters')) {
            const wanted = parseJson(tagFilters) as { Key?: string; Values?: string[] }[];
            for (const schema of typesOf(typeFilters, registry, at)) {
              const listed = await cloud.listResources(schema.typeName, region);
              const states = await Promise.all(
                listed.map((l) => limit(() => cloud.getResource(schema.typeName, region, l.identifier))),
              );
              for (const state of states) {
                if (!state) continue;
                const tags = tagList(state.properties[schema.tagProperty ?? 'Tags']);
                const matches = wanted.every((f) =>
                  tags.some((t) => t.Key === f.Key && (!f.Values?.length || f.Values.includes(t.Value))),
                );
                if (!matches) continue;
                const arn = arnOf(schema, state.properties, state.identifier, region);
                rows.push([arn, JSON.stringify(tags), region, tagFilters, typeFilters]);
              }
            }
          }
      return rows;
    },
  };
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return [];
  }
}

function tagList(tags: unknown): { Key: string; Value: string }[] {
  if (Array.isArray(tags)) {
    return (tags as ({ Key?: unknown; Value?: unknown } | null)[]).map((t) => ({
      Key: String(t?.Key),
      Value: String(t?.Value),
    }));
  }
  if (tags && typeof tags === 'object') return Object.entries(tags).map(([Key, v]) => ({ Key, Value: String(v) }));
  return [];
}

/** `["ec2:vpc", "ec2:security-group"]` → the CloudFormation types they name. */
function typesOf(filters: string, registry: SchemaRegistry, at: QueryOrigin): TypeSchema[] {
  const list = parseJson(filters);
  const names = Array.isArray(list) ? list.map(String) : [];
  return names.map((filter) => {
    const [service = '', resource = ''] = filter.toLowerCase().split(':');
    const wanted = resource.split('-').join('_');
    const typeName = registry
      .typeNames()
      .find((t) => t.split('::')[1]?.toLowerCase() === service && snakeCase(t.split('::')[2] ?? '') === wanted);
    if (typeName === undefined) {
      throw new DeployError('UnknownType', `no resource type matches the tagging filter '${filter}'`, {
        ...at,
        hint: "ResourceTypeFilters name types as '<service>:<resource>', e.g. '[\"ec2:vpc\"]'",
      });
    }
    return registry.resolve(typeName);
  });
}

/** The resource's own ARN attribute, else its type's ARN form filled in (account left empty: Cloud Control does not say it). */
function arnOf(schema: TypeSchema, model: Record<string, unknown>, identifier: string, region: string): string {
  const own = model['Arn'] ?? model[`${schema.typeName.split('::')[2]}Arn`];
  if (typeof own === 'string') return own;
  const template =
    schema.arnTemplate ??
    `arn:\${Partition}:${schema.typeName.split('::')[1]?.toLowerCase()}:\${Region}:\${Account}:${identifier}`;
  return template.replace(/\$\{([^}]+)\}/g, (_, v: string) =>
    v === 'Partition' ? 'aws' : v === 'Region' ? region : v === 'Account' ? '' : String(model[v] ?? identifier),
  );
}

const REQUEST_TABLES = [
  'resource_request',
  'resource_requests',
  'resource_request_status',
  'resource_request_statuses',
];

/** The virtual table `parts` names, if it names one. */
export function virtualTable(parts: string[], registry: SchemaRegistry): VirtualTable | undefined {
  const [provider = '', service = '', resource = ''] = parts.map((p) => p.toLowerCase());
  if (parts.length !== 3 || !['aws', 'awscc'].includes(provider)) return undefined;
  const name = parts.join('.');
  if (['cloud_control', 'cloudcontrol'].includes(service) && REQUEST_TABLES.includes(resource)) return requests(name);
  if (service === 'tagging' && resource === 'tagged_resources') return taggedResources(name, registry);
  return undefined;
}
