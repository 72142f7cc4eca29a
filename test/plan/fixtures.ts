/** Real schemas and a small builder so each table row states only what it is about. */
import { diffResource, type DiffInput } from '../../src/plan/index.js';
import type { ResourceChange } from '../../src/plan/index.js';
import { schemaRegistry, type TypeSchema } from '../../src/schema/index.js';

const registry = schemaRegistry();

export const schemas = {
  api: registry.resolve('AWS::ApiGatewayV2::Api'),
  integration: registry.resolve('AWS::ApiGatewayV2::Integration'),
  stage: registry.resolve('AWS::ApiGatewayV2::Stage'),
  route: registry.resolve('AWS::ApiGatewayV2::Route'),
  domainName: registry.resolve('AWS::ApiGatewayV2::DomainName'),
} satisfies Record<string, TypeSchema>;

export type SchemaKey = keyof typeof schemas;

export interface Row {
  name: string;
  schema: SchemaKey;
  desired: Record<string, unknown> | undefined;
  actual: Record<string, unknown> | undefined;
  lastApplied?: Record<string, unknown>;
  sensitive?: string[];
}

export function diff(row: Row, extra: Partial<DiffInput> = {}): ResourceChange {
  const input: DiffInput = {
    resource: row.name,
    schema: schemas[row.schema],
    region: 'us-east-1',
    desired: row.desired,
    actual: row.actual,
    ...extra,
  };
  if (row.lastApplied !== undefined) input.lastApplied = row.lastApplied;
  if (row.sensitive !== undefined) input.sensitive = row.sensitive;
  return diffResource(input);
}

/** Every path a patch touches, without the leading slash. */
export function patchedNames(change: ResourceChange): string[] {
  return (change.patch ?? []).map((op) => op.path.slice(1));
}
