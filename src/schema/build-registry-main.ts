/** `node dist/schema/build-registry-main.js`: the build step that writes the distilled registry. */
import { buildRegistry } from './build-registry.js';
import { registryDir } from './registry.js';

const started = Date.now();
const index = buildRegistry(registryDir());
const count = Object.keys(index.stackql).length;
process.stdout.write(
  `schema registry (${index.source ?? '?'}): ${count} types in ${Date.now() - started} ms -> ${registryDir()}\n`,
);
