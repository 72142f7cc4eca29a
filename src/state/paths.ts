/**
 * Where a stack's state lives: `<stackDir>/.deploy/<env>/`. The environment name becomes a
 * directory name, so it is checked here: a name like `../prod` must not escape the stack.
 */
import { join } from 'node:path';
import { DeployError } from '../errors/index.js';

export function stateDir(stackDir: string, env: string): string {
  if (env === '' || env === '.' || env === '..' || /[/\\\0]/.test(env)) {
    throw new DeployError('InvalidEnvironment', `"${env}" cannot be used as an environment name`, {
      hint: 'Use a plain name such as dev, staging or prod (no slashes, not "." or "..").',
    });
  }
  return join(stackDir, '.deploy', env);
}

export function statePath(stackDir: string, env: string): string {
  return join(stateDir(stackDir, env), 'state.json');
}

/** The ledger's append-only journal, folded into state.json at the end of a run. */
export function journalPath(stackDir: string, env: string): string {
  return join(stateDir(stackDir, env), 'journal.ndjson');
}

export function lockPath(stackDir: string, env: string): string {
  return join(stateDir(stackDir, env), 'lock.json');
}
