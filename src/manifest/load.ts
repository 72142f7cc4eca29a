/** Reading `<stack>/stackql_manifest.yml`. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { DeployError } from '../errors/index.js';
import { buildManifest } from './build.js';
import { displayPath } from './display-path.js';
import { resolveFileDirectives } from './file-directive.js';
import type { Manifest } from './types.js';
import { indexDocument, releasable, type LineIndex } from './yaml-lines.js';
import { readBlockYaml } from './block-yaml.js';
import { readTextFile } from './read-text.js';
import { yamlPackage } from './yaml-package.js';

export const MANIFEST_FILE = 'stackql_manifest.yml';

/**
 * YAML 1.2 core types plus merge keys (`<<: *defaults`): no timestamps, so `2024-01-01` stays the
 * string the user wrote instead of becoming a Date. Aliases are capped so a small file cannot
 * expand into gigabytes (the "billion laughs").
 */
const PARSE_OPTIONS = { version: '1.2', schema: 'core', merge: true, uniqueKeys: true } as const;
const MAX_ALIAS_COUNT = 100;
/**
 * A manifest grows with its resources (10,000 of them take 1 to 10 MB), unlike the other files
 * a stack holds; this is still far beyond any real one.
 */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

function readManifestText(file: string, shown: string, dir: string): string {
  if (!existsSync(file)) {
    throw new DeployError('ManifestNotFound', `no ${MANIFEST_FILE} in ${path.dirname(shown)}`, {
      file: shown,
      hint: `pass the stack directory (the one holding ${MANIFEST_FILE})`,
    });
  }
  return readTextFile(file, { what: 'manifest', shown, inside: dir, maxBytes: MAX_MANIFEST_BYTES });
}

/**
 * Reads and checks the manifest. Bad YAML → DeployError 'ManifestSyntax' at its line; shape
 * problems → one DeployErrors listing every problem, each at its line.
 */
export function loadManifest(stackDir: string): Manifest {
  const dir = path.resolve(stackDir);
  const file = path.join(dir, MANIFEST_FILE);
  const shown = displayPath(file);
  const text = readManifestText(file, shown, dir);
  // Most manifests are plain block YAML, which block-yaml.ts reads many times faster; anything
  // else (and every error) goes through the yaml package.
  const { doc, lines } = readBlockYaml(text) ?? readYaml(text, shown);
  // Once built, the manifest needs a line only for an error: the index lets go of what it
  // holds, and parses the text again (with the yaml package) if a later error asks.
  const index = releasable(lines, () => {
    const { LineCounter, parseDocument } = yamlPackage();
    const lineCounter = new LineCounter();
    return indexDocument(parseDocument(text, { ...PARSE_OPTIONS, lineCounter }), lineCounter);
  });
  const manifest = buildManifest(resolveFileDirectives(doc, dir, index, shown), index, file, shown, dir);
  index.release();
  return manifest;
}

/**
 * Reads the manifest with the yaml package. Bad YAML → DeployError 'ManifestSyntax' at its
 * line.
 */
function readYaml(text: string, shown: string): { doc: unknown; lines: LineIndex } {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  const syntax = (message: string, line: number | undefined, hint: string, cause: unknown): DeployError =>
    new DeployError('ManifestSyntax', `invalid YAML: ${message}`, { file: shown, line, hint, cause });
  const [first] = parsed.errors;
  if (first) {
    throw syntax(
      first.message.split('\n')[0] ?? first.message,
      first.linePos?.[0].line,
      'fix the YAML at this line: check indentation (spaces, not tabs), quoting, and that `{{ … }}` values are quoted',
      first,
    );
  }
  rejectCollectionKeys(parsed, text, lineCounter, shown);
  let doc: unknown;
  try {
    doc = parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw syntax(
      (error as Error).message,
      undefined,
      `use fewer aliases (*name): at most ${MAX_ALIAS_COUNT} expansions, or write the values out`,
      error,
    );
  }
  return { doc, lines: indexDocument(parsed, lineCounter) };
}

/**
 * `value: {{ x }}` unquoted is a YAML flow mapping used as a key. No manifest key is a mapping or
 * a list, so any such key is reported, at its line, as the template it almost certainly is.
 */
function rejectCollectionKeys(doc: Document, text: string, lines: LineCounter, shown: string): void {
  const { isScalar, visit } = yamlPackage();
  visit(doc, {
    Pair(_, pair) {
      if (pair.key === null || isScalar(pair.key)) return;
      const range = (pair.key as { range?: [number, number, number] }).range ?? [0, 0, 0];
      const source = text.slice(range[0], range[1]).trim();
      throw new DeployError('UnquotedTemplate', 'a value looks like an unquoted {{ … }} template', {
        file: shown,
        line: lines.linePos(range[0]).line,
        hint: `quote it, e.g. value: "{${source}}": unquoted, YAML reads {{ … }} as a mapping`,
      });
    },
  });
}
