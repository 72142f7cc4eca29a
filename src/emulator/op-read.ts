/**
 * GetResource and ListResources. Lists come in pages of 25 whatever MaxResults says (the
 * service ignores it); types whose list handler needs scoping keys (`listRequires`) must get
 * them in ResourceModel, whose properties then filter the list (AND).
 */
import { invalidRequest } from './cloud-error.js';
import { findResource, readModel, schemaFor, type CloudContext } from './context.js';
import { jsonEqual, parseObject } from './json.js';
import { paginate } from './pagination.js';

const LIST_PAGE_SIZE = 25;

interface ResourceDescription {
  Identifier: string;
  Properties: string;
}

export function getResource(
  ctx: CloudContext,
  region: string,
  input: { TypeName: string; Identifier: string },
): { TypeName: string; ResourceDescription: ResourceDescription } {
  const schema = schemaFor(ctx, input.TypeName, 'read');
  const resource = findResource(ctx, region, schema, input.Identifier);
  return {
    TypeName: schema.typeName,
    ResourceDescription: {
      Identifier: resource.identifier,
      Properties: JSON.stringify(readModel(schema, resource.model)),
    },
  };
}

export function listResources(
  ctx: CloudContext,
  region: string,
  input: { TypeName: string; ResourceModel?: string; NextToken?: string },
): { TypeName: string; ResourceDescriptions: ResourceDescription[]; NextToken?: string } {
  const schema = schemaFor(ctx, input.TypeName, 'list');
  const filter = input.ResourceModel === undefined ? {} : parseObject(input.ResourceModel);
  if (!filter) throw invalidRequest('ResourceModel must be a JSON object.');
  const missing = schema.listRequires.filter((key) => filter[key] === undefined);
  if (missing.length) {
    throw invalidRequest(
      `Missing or invalid ResourceModel property in ${schema.typeName} list handler request input.` +
        `Required property: (#: required key [${missing.join(', ')}] not found)`,
    );
  }
  const matching = filterResources(ctx, region, input.TypeName, filter);
  const { page, nextToken } = paginate(matching, LIST_PAGE_SIZE, input.NextToken, true);
  const result: { TypeName: string; ResourceDescriptions: ResourceDescription[]; NextToken?: string } = {
    TypeName: schema.typeName,
    ResourceDescriptions: page.map((r) => ({
      Identifier: r.identifier,
      Properties: JSON.stringify(readModel(schema, r.model)),
    })),
  };
  if (nextToken !== undefined) result.NextToken = nextToken;
  return result;
}

function* filterResources(ctx: CloudContext, region: string, typeName: string, filter: Record<string, unknown>) {
  const entries = Object.entries(filter);
  for (const resource of ctx.state.resourcesOf(region, typeName)) {
    if (entries.every(([key, value]) => jsonEqual(resource.model[key], value))) yield resource;
  }
}
