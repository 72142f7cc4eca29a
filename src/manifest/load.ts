/** Reading `<stack>/stackql_manifest.yml`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { DeployError } from '../errors/index.js';
import { buildManifest } from './build.js';
import { displayPath } from './display-path.js';
import { resolveFileDirectives } from './file-directive.js';
import type { Manifest } from './types.js';
import { indexLines } from './yaml-lines.js';

export const MANIFEST_FILE = 'stackql_manifest.yml';

/**
 * YAML 1.2 core types plus merge keys (`<<: *defaults`): no timestamps, so `2024-01-01` stays the
 * string the user wrote instead of becoming a Date.
 */
const SCHEMA = yaml.CORE_SCHEMA.extend({
  implicit: [
    new yaml.Type('tag:yaml.org,2002:merge', {
      kind: 'scalar',
      resolve: (data: unknown) => data === '<<' || data === null,
    }),
  ],
});

function readManifestText(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DeployError(
      code === 'ENOENT' ? 'ManifestNotFound' : 'ManifestUnreadable',
      code === 'ENOENT'
        ? `no ${MANIFEST_FILE} in ${path.dirname(shown)}`
        : `cannot read ${shown}: ${(error as Error).message}`,
      {
        file: shown,
        hint:
          code === 'ENOENT'
            ? `pass the stack directory (the one holding ${MANIFEST_FILE})`
            : 'check the file permissions',
        cause: error,
      },
    );
  }
}

/**
 * Reads and checks the manifest. Bad YAML → DeployError 'ManifestSyntax' at its line; shape
 * problems → one DeployErrors listing every problem, each at its line.
 */
export function loadManifest(stackDir: string): Manifest {
  const dir = path.resolve(stackDir);
  const file = path.join(dir, MANIFEST_FILE);
  const shown = displayPath(file);
  const text = readManifestText(file, shown);
  let doc: unknown;
  try {
    doc = yaml.load(text, { filename: shown, schema: SCHEMA });
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    throw new DeployError('ManifestSyntax', `invalid YAML: ${error.reason}`, {
      file: shown,
      line: error.mark.line + 1,
      hint: 'fix the YAML at this line: check indentation (spaces, not tabs), quoting, and that `{{ … }}` values are quoted',
      cause: error,
    });
  }
  const lines = indexLines(text);
  return buildManifest(resolveFileDirectives(doc, dir, lines, shown), lines, file, shown, dir);
}
