/** The stack manifest: loading and checking it, and resolving it for an environment. */
export type { ExportDef, GlobalDef, Manifest, PropDef, ResourceDef, ResourceType } from './types.js';
export { loadManifest, MANIFEST_FILE } from './load.js';
export { resourceContext, stackContext } from './context.js';
export { parseEnvFile } from './env-file.js';
export { parseVarAssignments } from './vars.js';
export { displayPath } from './display-path.js';
export { readTextFile, MAX_TEXT_BYTES, type ReadTextOptions } from './read-text.js';
