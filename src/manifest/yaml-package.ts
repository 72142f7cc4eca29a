/**
 * The yaml package, loaded the first time it is needed: a manifest that block-yaml.ts reads
 * never needs it, and loading it is 25-40 ms of a cold start. It is CommonJS under Node, so
 * `require` loads it synchronously, as the static import did.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yamlPackage(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
