/** The version of the installed package, read from its package.json when asked: one small file. */
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  // dist/cli/version.js and src/cli/version.ts both sit two levels below the package root.
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
