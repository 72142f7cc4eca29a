/** Checking and converting one entry of `resources:`. */
import path from 'node:path';
import { didYouMean } from '../common/index.js';
import { buildExports, buildProps } from './build-parts.js';
import { type Checker, isMapping, type Json } from './checker.js';
import { RESERVED_NAMES, RESOURCE_KEYS, RESOURCE_TYPES } from './keys.js';
import type { ResourceDef, ResourceType } from './types.js';
import type { PathKey } from './yaml-lines.js';

function resourceType(checker: Checker, raw: Json, where: PathKey[], name: string): ResourceType {
  const type = raw.type ?? 'resource';
  if ((RESOURCE_TYPES as readonly unknown[]).includes(type)) return type as ResourceType;
  checker.fail(
    'InvalidValue',
    `resource '${name}' has an unknown type '${String(type)}'`,
    [...where, 'type'],
    `${didYouMean(String(type), RESOURCE_TYPES).trim()} Types: ${RESOURCE_TYPES.join(', ')}.`.trim(),
    name,
  );
  return 'resource';
}

function mapping(
  checker: Checker,
  raw: Json,
  key: string,
  where: PathKey[],
  name: string,
): Record<string, unknown> | undefined {
  const found = raw[key];
  if (found === undefined || found === null) return undefined;
  if (isMapping(found)) return found;
  checker.wrongType(
    [...where, key],
    `'${key}' of resource '${name}'`,
    'a mapping',
    found,
    `see the ${key} documentation`,
    name,
  );
  return undefined;
}

function optionalFields(checker: Checker, raw: Json, where: PathKey[], def: ResourceDef): void {
  const name = def.name;
  const what = `resource '${name}'`;
  const condition = checker.text(raw, 'if', where, what, name);
  if (condition !== undefined) def.if = condition;
  const description = checker.text(raw, 'description', where, what, name);
  if (description !== undefined) def.description = description;
  const sql = checker.text(raw, 'sql', where, what, name);
  if (sql !== undefined) def.sql = sql;
  const run = checker.text(raw, 'run', where, what, name);
  if (run !== undefined) def.run = run;
  if (raw.skip_validation !== undefined) {
    if (typeof raw.skip_validation === 'boolean') def.skipValidation = raw.skip_validation;
    else
      checker.wrongType(
        [...where, 'skip_validation'],
        `'skip_validation' of ${what}`,
        'true or false',
        raw.skip_validation,
        'write skip_validation: true',
        name,
      );
  }
  const auth = mapping(checker, raw, 'auth', where, name);
  if (auth !== undefined) def.auth = auth;
  const returnVals = mapping(checker, raw, 'return_vals', where, name);
  if (returnVals !== undefined) def.returnVals = returnVals;
  if (def.type === 'script' && def.run === undefined) {
    checker.fail(
      'MissingKey',
      `script resource '${name}' has no 'run' command`,
      where,
      'add run: <shell command printing the exports as JSON>',
      name,
    );
  }
}

/** Undefined when the entry is too broken to name (its problems are reported). */
export function buildResource(
  checker: Checker,
  raw: unknown,
  index: number,
  stackDir: string,
): ResourceDef | undefined {
  const where: PathKey[] = ['resources', index];
  if (!isMapping(raw)) {
    checker.wrongType(where, 'a resource', 'a mapping', raw, 'write - name: <resource>\n    props: [...]');
    return undefined;
  }
  const label = typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined;
  checker.keys(
    raw,
    RESOURCE_KEYS,
    where,
    label === undefined ? `resource #${index + 1}` : `resource '${label}'`,
    label,
  );
  if (label === undefined) {
    checker.fail(
      raw.name === undefined ? 'MissingKey' : 'WrongType',
      `resource #${index + 1} has no name`,
      where,
      'add name: <resource>; it also names the query file resources/<resource>.iql',
    );
    return undefined;
  }
  if ((RESERVED_NAMES as readonly string[]).includes(label)) {
    checker.fail(
      'ReservedName',
      `resource '${label}' uses a reserved name`,
      [...where, 'name'],
      `rename it: ${RESERVED_NAMES.join(', ')} are defined by the engine`,
      label,
    );
  }
  const file = checker.text(raw, 'file', where, `resource '${label}'`, label) ?? `${label}.iql`;
  const def: ResourceDef = {
    name: label,
    type: resourceType(checker, raw, where, label),
    file: path.resolve(stackDir, 'resources', file),
    props: buildProps(
      checker,
      checker.list(raw, 'props', where, `resource '${label}'`, 'write props: [{name: …, value: …}]', label),
      [...where, 'props'],
      label,
    ),
    exports: buildExports(
      checker,
      checker.list(raw, 'exports', where, `resource '${label}'`, 'write exports: [column, {column: alias}]', label),
      [...where, 'exports'],
      label,
    ),
    protected: checker.names(raw, 'protected', where, `resource '${label}'`, label),
    dependsOn: checker.names(raw, 'depends_on', where, `resource '${label}'`, label),
    line: checker.lines.lineOf(where),
  };
  optionalFields(checker, raw, where, def);
  const exported = def.exports.flatMap((e) => [e.alias, e.column]);
  def.protected.forEach((name, i) => {
    if (exported.includes(name)) return;
    checker.fail(
      'UnknownExport',
      `resource '${label}' protects '${name}', which it does not export`,
      [...where, 'protected', i],
      `${didYouMean(name, exported).trim()} 'protected' lists names from this resource's exports.`.trim(),
      label,
    );
  });
  return def;
}
