/**
 * Which values of a stack are secret: the values of `--secret` variables, of the exports a
 * resource lists under `protected` (stackql-deploy's meaning: exports whose values are never
 * shown), and of write-only properties (passwords, keys: the cloud never reads them back).
 * They are collected into the stack's `Secrets` as they become known, and every output masks
 * them by value.
 */
import { perObject, type Secrets } from '../common/index.js';
import { DeployError } from '../errors/index.js';
import { typeColumns, type PropertyPath, type TypeSchema } from '../schema/index.js';
import { containsUnknown } from '../template/index.js';
import type { StackResource } from './types.js';

/** Adds the values of the variables named by `--secret`; a name that is not set is an error. */
export function addSecretVars(secrets: Secrets, names: string[], vars: Record<string, unknown>): void {
  for (const name of names) {
    if (vars[name] === undefined) {
      throw new DeployError('UnknownSecret', `--secret ${name} names a variable that is not set`, {
        hint: `set it with -e ${name}=VALUE, in the --env-file, or in the environment; or drop --secret ${name}`,
      });
    }
    secrets.add(vars[name]);
  }
}

/** Top-level properties whose values are secret: those a protected export reads, and write-only ones. */
export function sensitiveProperties(resource: StackResource | undefined, schema: TypeSchema): readonly string[] {
  // Most resources protect no export: then it is the type's write-only properties, found once.
  if (!resource?.def.protected?.length) return writeOnlyOf(schema);
  const isProtected = new Set(resource.def.protected);
  const columns = new Set(
    resource.def.exports.filter((e) => isProtected.has(e.alias) || isProtected.has(e.column)).map((e) => e.column),
  );
  // typeColumns lists the same names, snake_cased once per schema, in the same order.
  const snake = typeColumns(schema);
  const all = [...Object.keys(schema.properties), ...Object.keys(schema.readOnly)];
  return [...new Set([...all.filter((_, i) => columns.has(snake[i] as string)), ...schema.writeOnly])];
}

const writeOnlyOf = perObject((schema: TypeSchema): readonly string[] => [...new Set(schema.writeOnly)]);

export interface SecretSources {
  desired?: Record<string, unknown> | undefined;
  actual?: Record<string, unknown> | undefined;
  lastApplied?: Record<string, unknown> | undefined;
  /** Exported values by alias (a ledger entry's `exports`). */
  exports?: Record<string, unknown> | undefined;
}

/** Adds what is secret in a resource's states and exports; values still unknown are skipped. */
export function collectSecrets(
  secrets: Secrets,
  resource: StackResource | undefined,
  schema: TypeSchema,
  sources: SecretSources,
): void {
  const add = (value: unknown): void => {
    if (value !== undefined && !containsUnknown(value)) secrets.add(value);
  };
  const states = [sources.desired, sources.actual, sources.lastApplied];
  for (const name of sensitiveProperties(resource, schema)) states.forEach((state) => add(state?.[name]));
  for (const path of schema.writeOnlyPaths) states.forEach((state) => valuesAt(state, path).forEach(add));
  const isProtected = new Set(resource?.def.protected ?? []);
  for (const e of resource?.def.exports ?? []) {
    if (isProtected.has(e.alias) || isProtected.has(e.column)) add(sources.exports?.[e.alias]);
  }
}

/** The values at a nested path (`*`: every element of a list or map). */
function valuesAt(value: unknown, path: PropertyPath): unknown[] {
  if (path.length === 0) return [value];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = path as [string, ...string[]];
  const children = head === '*' ? Object.values(value) : [(value as Record<string, unknown>)[head]];
  return children.flatMap((child) => valuesAt(child, rest));
}
