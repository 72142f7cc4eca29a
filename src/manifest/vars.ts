/** Variables given on the command line: `-e KEY=VALUE` (repeatable; later wins). */
import { DeployError } from '../errors/index.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseVarAssignments(items: string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const item of items) {
    const equals = item.indexOf('=');
    const key = equals < 0 ? item : item.slice(0, equals).trim();
    if (equals < 0 || !NAME.test(key)) {
      throw new DeployError(
        'BadVarAssignment',
        equals < 0 ? `-e '${item}' is not KEY=VALUE` : `-e '${item}': '${key}' is not a valid variable name`,
        {
          hint: "write -e NAME=value (letters, digits and _; quote the whole assignment if the value has spaces: -e 'NAME=a b')",
        },
      );
    }
    vars[key] = item.slice(equals + 1);
  }
  return vars;
}
