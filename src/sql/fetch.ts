/**
 * What a StackQL table reference costs in Cloud Control calls, decided from its restrictions:
 * the identifier pinned (by `data__Identifier`/`Identifier` or by every primary identifier
 * column) is one GetResource each; otherwise ListResources, scoped by the keys the type's list
 * handler requires, then GetResource of each listed resource, in parallel and bounded
 * (`_list_only` tables keep the list rows).
 */
import pLimit from 'p-limit';
import type { CloudControlPort, ResourceState } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import { snakeCase, type TypeSchema } from '../schema/index.js';
import type { Constraint, QueryOrigin, StackqlTable } from './types.js';

export interface FetchPlan {
  typeName: string;
  regions: string[];
  /** GetResource of each, when pinned. */
  identifiers?: string[];
  /** Otherwise ListResources with this model (the list handler's required keys). */
  model?: Record<string, string>;
  listOnly: boolean;
}

export interface Fetched {
  region: string;
  state: ResourceState;
}

function valuesOf(constraints: Constraint[], column: string): (string | number)[] | undefined {
  return constraints.find((c) => c.column === column.toLowerCase())?.values;
}

/** Whether the type has its own `Identifier` property, which then owns that column name. */
function ownsIdentifier(schema: TypeSchema): boolean {
  return Object.hasOwn(schema.properties, 'Identifier') || Object.hasOwn(schema.readOnly, 'Identifier');
}

export function fetchPlan(table: StackqlTable, constraints: Constraint[], at: QueryOrigin): FetchPlan {
  const { schema } = table;
  const regions = valuesOf(constraints, 'region')?.map(String);
  if (!regions) {
    throw new DeployError('MissingRegion', `the query reads ${table.name} without naming a region`, {
      ...at,
      hint: `add AND region = '{{ region }}' to the WHERE clause of the SELECT that reads ${table.name}`,
    });
  }
  const base = { typeName: schema.typeName, regions, listOnly: table.variant === 'list_only' };
  const pinned =
    valuesOf(constraints, 'data__identifier') ??
    (ownsIdentifier(schema) ? undefined : valuesOf(constraints, 'identifier'));
  if (pinned) return { ...base, identifiers: pinned.map(String) };
  const parts = schema.primaryIdentifier.map((p) => valuesOf(constraints, snakeCase(p)));
  if (parts.length > 0 && parts.every((v) => v !== undefined)) {
    return { ...base, identifiers: combinations(parts) };
  }
  const model: Record<string, string> = {};
  const missing: string[] = [];
  for (const key of schema.listRequires) {
    const value = valuesOf(constraints, snakeCase(key));
    if (value?.length === 1) model[key] = String(value[0]);
    else missing.push(snakeCase(key));
  }
  if (missing.length > 0) {
    throw new DeployError('MissingListKey', `listing ${table.name} needs ${missing.join(' and ')}`, {
      ...at,
      hint: `${schema.typeName} can only be listed within its parent: add ${missing.map((m) => `AND ${m} = '…'`).join(' ')} to the WHERE clause (or pin data__Identifier)`,
    });
  }
  return { ...base, model };
}

/** `[['a'], ['x', 'y']]` → `['a|x', 'a|y']`: every identifier the restrictions allow. */
function combinations(parts: (string | number)[][]): string[] {
  return parts.reduce<string[]>(
    (prefixes, values) => prefixes.flatMap((p) => values.map((v) => (p === '' ? String(v) : `${p}|${v}`))),
    [''],
  );
}

export function planKey(plan: FetchPlan): string {
  return JSON.stringify(plan);
}

/** Resources already read in this phase (a plan), by readKey: GetResource is not repeated. */
export type ReadCache = Map<string, ResourceState>;

export function readKey(typeName: string, region: string, identifier: string): string {
  return `${typeName} ${region} ${identifier}`;
}

export async function fetchStates(
  cloud: CloudControlPort,
  plan: FetchPlan,
  parallelism: number,
  cache?: ReadCache,
): Promise<Fetched[]> {
  const limit = pLimit(parallelism);
  const get = (region: string, identifier: string): Promise<Fetched | undefined> =>
    limit(async () => {
      const key = readKey(plan.typeName, region, identifier);
      const state = cache?.get(key) ?? (await cloud.getResource(plan.typeName, region, identifier));
      if (state) cache?.set(key, state);
      return state ? { region, state } : undefined;
    });
  const found: (Fetched | undefined)[] = [];
  for (const region of plan.regions) {
    if (plan.identifiers) {
      found.push(...(await Promise.all(plan.identifiers.map((id) => get(region, id)))));
      continue;
    }
    const model = plan.model && Object.keys(plan.model).length > 0 ? plan.model : undefined;
    const listed = await cloud.listResources(plan.typeName, region, model);
    if (plan.listOnly) found.push(...listed.map((state) => ({ region, state })));
    // Lists may hold partial models: read each resource whole (one gone since is skipped).
    else found.push(...(await Promise.all(listed.map((s) => get(region, s.identifier)))));
  }
  return found.filter((f): f is Fetched => f !== undefined);
}
