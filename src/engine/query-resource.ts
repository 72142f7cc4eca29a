/**
 * `type: query` resources: reads, not things to deploy. Their `exports` (or `exists`) SELECT
 * is run at plan time and its row's columns become exports for later resources, as in
 * stackql-deploy. Other stackql-deploy types (script, multi, command) are not supported yet.
 */
import type { CloudControlPort } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import type { SchemaRegistry } from '../schema/index.js';
import { locate } from './identity.js';
import type { RenderedResource, StackResource } from '../stack/index.js';

/**
 * The row a query resource selects, as properties. Finding nothing is an error when `required`
 * (apply: later resources need the values); otherwise undefined (teardown: they stay unknown).
 */
export async function readQuery(
  cloud: CloudControlPort,
  registry: SchemaRegistry,
  resource: StackResource,
  rendered: RenderedResource,
  required: boolean,
): Promise<Record<string, unknown> | undefined> {
  const name = resource.def.name;
  const select = rendered.exports ?? rendered.exists;
  if (!select) {
    throw new DeployError('MissingQuery', `query resource '${name}' has no /*+ exports */ SELECT in ${resource.file}`, {
      file: resource.file,
      resource: name,
      hint: 'add /*+ exports */ SELECT <columns> FROM aws.<service>.<resources> WHERE region = ... AND ...',
    });
  }
  const schema = registry.resolve(select.typeName);
  const found = await locate(cloud, { resource: name, schema, region: select.region, lookup: select });
  if (!found.state && required) {
    throw new DeployError('QueryFoundNothing', `the query of '${name}' found no ${schema.typeName}`, {
      file: resource.file,
      resource: name,
      hint: 'check the WHERE values: the resource it reads must exist before this stack is deployed',
    });
  }
  return found.state?.properties;
}
