/**
 * stackql-deploy's `file(relative/path.json)` directive: a global or prop value that is exactly
 * `file(…)` is replaced, when the manifest loads and before any template renders, by the
 * parsed JSON or YAML file (relative to `resources/`), whose own `file(…)` values are resolved
 * in turn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DeployError } from '../errors/index.js';
import { displayPath } from './display-path.js';
import type { LineIndex, PathKey } from './yaml-lines.js';
import { yamlPackage } from './yaml-package.js';

const DIRECTIVE = /^\s*file\((.+)\)\s*$/;

interface Where {
  file: string;
  line?: number;
}

function parse(text: string, file: string): unknown {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return JSON.parse(text) as unknown;
  if (ext === '.yml' || ext === '.yaml') return yamlPackage().parse(text);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return yamlPackage().parse(text);
  }
}

function include(relative: string, resourcesDir: string, where: Where, seen: string[]): unknown {
  const file = path.resolve(resourcesDir, relative.trim());
  const shown = displayPath(file);
  if (seen.includes(file)) {
    throw new DeployError(
      'FileDirective',
      `file(${relative}) includes itself: ${[...seen, file].map(displayPath).join(' → ')}`,
      {
        ...where,
        hint: 'break the loop of file() directives',
      },
    );
  }
  let value: unknown;
  try {
    value = parse(readFileSync(file, 'utf8'), file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DeployError(
      'FileDirective',
      missing
        ? `file(${relative}): ${shown} does not exist`
        : `file(${relative}): ${shown} is not valid JSON or YAML: ${(error as Error).message}`,
      { ...where, hint: "file() paths are relative to the stack's resources/ directory", cause: error },
    );
  }
  return resolve(value, resourcesDir, { file: shown }, [...seen, file]);
}

function resolve(
  value: unknown,
  resourcesDir: string,
  where: Where,
  seen: string[],
  lineOf?: (at: PathKey[]) => number,
  at: PathKey[] = [],
): unknown {
  const here = (): Where => (lineOf ? { ...where, line: lineOf(at) } : where);
  if (typeof value === 'string') {
    const match = DIRECTIVE.exec(value);
    return match ? include(match[1] as string, resourcesDir, here(), seen) : value;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolve(v, resourcesDir, where, seen, lineOf, [...at, i]));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolve(v, resourcesDir, where, seen, lineOf, [...at, k]);
    return out;
  }
  return value;
}

/** The parsed manifest with every file() in globals and props replaced by what it names. */
export function resolveFileDirectives(doc: unknown, stackDir: string, lines: LineIndex, shown: string): unknown {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return doc;
  const resourcesDir = path.join(stackDir, 'resources');
  const lineOf = (at: PathKey[]): number => lines.lineOf(at);
  const root = doc as Record<string, unknown>;
  const out: Record<string, unknown> = { ...root };
  for (const key of ['globals', 'resources']) {
    if (root[key] !== undefined) out[key] = resolve(root[key], resourcesDir, { file: shown }, [], lineOf, [key]);
  }
  return out;
}
