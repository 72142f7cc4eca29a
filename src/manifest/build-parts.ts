/** Checking and converting the lists inside the manifest: globals, props, exports. */
import { type Checker, isMapping, kindOf } from './checker.js';
import { ENV_VALUE_KEYS, GLOBAL_KEYS, PROP_KEYS, RESERVED_NAMES } from './keys.js';
import { remember } from './positions.js';
import type { ExportDef, GlobalDef, PropDef } from './types.js';
import type { PathKey } from './yaml-lines.js';

const EXPORT_HINT = 'write each export as a column name, or as {column: alias} to publish it under another name';

/** `exports:` of a resource or of the stack: names or single-key {column: alias} mappings. */
export function buildExports(checker: Checker, items: unknown[], path: PathKey[], resource?: string): ExportDef[] {
  const exports: ExportDef[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    let def: ExportDef | undefined;
    if (typeof item === 'string' && item !== '') def = { column: item, alias: item };
    else if (isMapping(item) && Object.keys(item).length === 1) {
      const [column, alias] = Object.entries(item)[0] as [string, unknown];
      if (typeof alias === 'string' && alias !== '') def = { column, alias };
    }
    if (def === undefined) {
      checker.wrongType([...path, i], 'an export', 'a name or {column: alias}', item, EXPORT_HINT, resource);
      return;
    }
    if (seen.has(def.alias)) {
      checker.fail(
        'DuplicateName',
        `export '${def.alias}' is listed twice`,
        [...path, i],
        'remove one of them, or give one an alias',
        resource,
      );
    }
    seen.add(def.alias);
    exports.push(def);
  });
  return exports;
}

function checkName(checker: Checker, name: unknown, path: PathKey[], what: string, resource?: string): name is string {
  if (typeof name !== 'string' || name === '') {
    const message = name === undefined ? `${what} has no name` : `${what} name must be a string, not ${kindOf(name)}`;
    checker.fail(
      name === undefined ? 'MissingKey' : 'WrongType',
      message,
      path,
      `add name: <${what.split(' ')[0]}_name>`,
      resource,
    );
    return false;
  }
  if ((RESERVED_NAMES as readonly string[]).includes(name)) {
    checker.fail(
      'ReservedName',
      `${what} '${name}' uses a reserved name`,
      [...path, 'name'],
      `rename it: ${RESERVED_NAMES.join(', ')} are defined by the engine`,
      resource,
    );
  }
  return true;
}

export function buildGlobals(checker: Checker, items: unknown[]): GlobalDef[] {
  const globals: GlobalDef[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const path: PathKey[] = ['globals', i];
    if (!isMapping(item)) {
      checker.wrongType(path, 'a global', 'a mapping', item, 'write - name: <name>\n    value: <value>');
      return;
    }
    checker.keys(item, GLOBAL_KEYS, path, 'a global');
    if (!checkName(checker, item.name, path, 'global')) return;
    const name = item.name;
    if (seen.has(name))
      checker.fail('DuplicateName', `global '${name}' is defined twice`, path, 'remove or rename one of them');
    seen.add(name);
    if (item.value === undefined || item.value === null) {
      checker.fail('MissingKey', `global '${name}' has no value`, path, `add value: <value> under global '${name}'`);
    }
    const description = checker.text(item, 'description', path, `global '${name}'`);
    const def: GlobalDef = { name, value: item.value, line: checker.lines.lineOf(path) };
    if (description !== undefined) def.description = description;
    remember(def, checker.lines, path);
    globals.push(def);
  });
  return globals;
}

function buildValues(
  checker: Checker,
  raw: unknown,
  path: PathKey[],
  prop: string,
  resource: string,
): PropDef['values'] {
  if (!isMapping(raw)) {
    checker.wrongType(
      path,
      `'values' of prop '${prop}'`,
      'a mapping of environments',
      raw,
      'write values: {prd: {value: …}, dev: {value: …}}',
      resource,
    );
    return undefined;
  }
  const values: NonNullable<PropDef['values']> = {};
  for (const [env, entry] of Object.entries(raw)) {
    if (isMapping(entry))
      checker.keys(entry, ENV_VALUE_KEYS, [...path, env], `values.${env} of prop '${prop}'`, resource);
    if (isMapping(entry) && 'value' in entry) {
      values[env] = { value: entry.value };
    } else if (!isMapping(entry) || Object.keys(entry).length === 0) {
      // (A misspelt key was reported above; a second error for it would be noise.)
      checker.fail(
        'MissingKey',
        `prop '${prop}' has no value for environment '${env}'`,
        [...path, env],
        `write values: {${env}: {value: …}}`,
        resource,
      );
    }
  }
  return values;
}

export function buildProps(checker: Checker, items: unknown[], base: PathKey[], resource: string): PropDef[] {
  const props: PropDef[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const path = [...base, i];
    if (!isMapping(item)) {
      checker.wrongType(path, 'a prop', 'a mapping', item, 'write - name: <name>\n    value: <value>', resource);
      return;
    }
    checker.keys(item, PROP_KEYS, path, `a prop of resource '${resource}'`, resource);
    if (!checkName(checker, item.name, path, 'prop', resource)) return;
    const name = item.name;
    if (seen.has(name))
      checker.fail(
        'DuplicateName',
        `prop '${name}' is defined twice in resource '${resource}'`,
        path,
        'remove or rename one of them',
        resource,
      );
    seen.add(name);
    const def: PropDef = { name, line: checker.lines.lineOf(path) };
    if ('value' in item) def.value = item.value;
    if (item.values !== undefined) {
      const values = buildValues(checker, item.values, [...path, 'values'], name, resource);
      if (values !== undefined) def.values = values;
    }
    if (item.merge !== undefined) def.merge = checker.names(item, 'merge', path, `prop '${name}'`, resource);
    if (!('value' in item) && item.values === undefined && item.merge === undefined) {
      checker.fail(
        'MissingKey',
        `prop '${name}' of resource '${resource}' has no value`,
        path,
        'add value: <value>, values: {<env>: {value: …}} or merge: [<global>]',
        resource,
      );
    }
    const description = checker.text(item, 'description', path, `prop '${name}'`, resource);
    if (description !== undefined) def.description = description;
    remember(def, checker.lines, path);
    props.push(def);
  });
  return props;
}
