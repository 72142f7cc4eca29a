/**
 * A property that names another resource accepts its name or its ARN, and services read back
 * whichever form they store: a Lambda alias's FunctionName is written as a name and read as the
 * function ARN, a function URL's TargetFunctionArn the other way round. A plain name equals an
 * ARN whose resource part ends with it (after `/` or `:`).
 */

const ARN = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:(.+)$/;

export function isArn(value: unknown): value is string {
  return typeof value === 'string' && ARN.test(value);
}

/** One side is an ARN, the other the name at its end. */
export function sameArnOrName(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || isArn(a) === isArn(b)) return false;
  const [arn, name] = isArn(a) ? [a, b] : [b, a];
  if (name === '' || name.includes(':')) return false;
  const resource = ARN.exec(arn)?.[1] ?? '';
  return resource === name || resource.endsWith(`/${name}`) || resource.endsWith(`:${name}`);
}
