/**
 * Expands the value templates of data/real-reads.json: JSON values whose strings hold
 * placeholders. `${Region}`, `${Account}`, `${Partition}` and `${<Property>}` take values from
 * the request and the model; `${hex:17}`, `${alnum:10}`, `${ALNUM:n}`, `${Alnum:n}`,
 * `${digits:n}`, `${uuid}`, `${ipv4}`, `${ipv6}` and `${time:<ms|s>[Z]}` draw fresh values, in
 * the shape the samples showed. `$$` is a literal `$`.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { isObject } from './json.js';

export interface TemplateScope {
  region: string;
  account: string;
  /** A property's current value, or undefined when the model does not have it (yet). */
  property(name: string): unknown;
}

const ALPHABETS: Record<string, string> = {
  hex: '0123456789abcdef',
  alnum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  ALNUM: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  Alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  digits: '0123456789',
};

/** `n` characters drawn from an alphabet (the slight modulo bias does not matter for ids). */
export function randomFrom(alphabet: string, n: number): string {
  let text = '';
  for (const byte of randomBytes(n)) text += alphabet[byte % alphabet.length];
  return text;
}

/** The partition a region belongs to, as ARNs spell it. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The expanded value, or undefined when a placeholder names a property the model lacks. */
export function expandTemplate(template: unknown, scope: TemplateScope): unknown {
  if (typeof template === 'string') return expandString(template, scope);
  if (Array.isArray(template)) {
    const items = template.map((item) => expandTemplate(item, scope));
    return items.includes(undefined) ? undefined : items;
  }
  if (isObject(template)) {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) {
      const expanded = expandTemplate(value, scope);
      if (expanded === undefined) return undefined;
      result[key] = expanded;
    }
    return result;
  }
  return template;
}

/** The property names a template takes values from (its non-builtin placeholders). */
export function templateReferences(template: unknown): string[] {
  if (typeof template === 'string') {
    return [...template.matchAll(/\$\$|\$\{([^}:]+)\}/g)]
      .map((m) => m[1])
      .filter((name): name is string => name !== undefined && !(name in BUILTINS) && !GENERATED.has(name));
  }
  if (Array.isArray(template)) return template.flatMap(templateReferences);
  if (isObject(template)) return Object.values(template).flatMap(templateReferences);
  return [];
}

const BUILTINS: Record<string, (scope: TemplateScope) => string> = {
  Region: (scope) => scope.region,
  Account: (scope) => scope.account,
  Partition: (scope) => partitionOf(scope.region),
};

const GENERATED = new Set(['uuid', 'ipv4', 'ipv6']);

function expandString(template: string, scope: TemplateScope): string | undefined {
  let missing = false;
  const text = template.replace(/\$\$|\$\{([^}]*)\}/g, (match, body: string | undefined) => {
    if (match === '$$' || body === undefined) return '$';
    const value = placeholder(body, scope);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

function placeholder(body: string, scope: TemplateScope): string | undefined {
  const builtin = BUILTINS[body];
  if (builtin) return builtin(scope);
  const [kind = '', argument = ''] = body.split(':');
  const alphabet = ALPHABETS[kind];
  if (alphabet && argument) return randomFrom(alphabet, Number(argument));
  switch (body) {
    case 'uuid':
      return randomUUID();
    case 'ipv4':
      return `${randomInt(3, 224)}.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    case 'ipv6':
      return `2600:1f18:${randomFrom(ALPHABETS['hex'] as string, 4)}:${randomFrom(ALPHABETS['hex'] as string, 2)}00::`;
    default:
      break;
  }
  if (kind === 'time') return timestamp(argument);
  const value = scope.property(body);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** ISO-8601 now, with milliseconds (`ms`) or whole seconds (`s`), with or without the `Z`. */
function timestamp(format: string): string {
  const iso = new Date().toISOString();
  const precise = format.startsWith('ms') ? iso.slice(0, 23) : iso.slice(0, 19);
  return format.endsWith('Z') ? `${precise}Z` : precise;
}
