/**
 * Attributes a resource takes from a resource it names. AWS derives an instance's VpcId from
 * the subnet it is launched in, a network interface's from its subnet, and so on: a read-only
 * `…Id` attribute that a referenced resource (one whose identifier is the value of another
 * property) also holds gets that resource's value instead of a made-up one.
 */
import type { TypeSchema } from '../schema/index.js';
import type { StoredResource } from './records.js';
import type { Model } from './types.js';

export function inheritFromReferenced(
  schema: TypeSchema,
  desired: Model,
  model: Model,
  referenced: (identifier: string) => StoredResource | undefined,
): Model {
  const inheritable = Object.keys(schema.readOnly).filter(
    (name) => name.endsWith('Id') && !schema.primaryIdentifier.includes(name) && !(name in desired),
  );
  if (inheritable.length === 0) return model;
  const sources = Object.entries(desired)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([, value]) => referenced(value))
    .filter((found): found is StoredResource => found !== undefined);
  const result = { ...model };
  for (const name of inheritable) {
    const from = sources.find((source) => source.model[name] !== undefined);
    if (from) result[name] = from.model[name];
  }
  return result;
}
