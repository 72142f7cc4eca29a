/**
 * How a user error reads in the terminal: what is wrong, where (file:line, resource), and
 * what to do. Internal errors say so and ask for a report.
 */
import { DeployError, DeployErrors } from '../errors/index.js';

function one(error: DeployError): string {
  const where = error.where();
  const resource = error.location.resource;
  const place = [where, resource !== undefined ? `resource '${resource}'` : ''].filter(Boolean).join(', ');
  const lines = [`error [${error.code}]${place ? ` ${place}` : ''}: ${error.message}`];
  if (error.hint) lines.push(`  hint: ${error.hint}`);
  return lines.join('\n');
}

export function formatError(error: unknown): string {
  if (error instanceof DeployErrors || (DeployError.is(error) && 'errors' in error)) {
    const list = (error as DeployErrors).errors;
    return `${list.map(one).join('\n')}\n${list.length} problem${list.length === 1 ? '' : 's'} found.`;
  }
  if (DeployError.is(error)) return one(error);
  const e = error as Error;
  return `internal error: ${e?.stack ?? String(error)}\nThis is a bug in deploy; please report it with the command you ran.`;
}
