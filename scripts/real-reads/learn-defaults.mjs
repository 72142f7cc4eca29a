// The defaults the service fills in for properties the user did not send.
import { abstractValue, containsGenerator, groupBy, looksRandom, mergeValues } from './templates.mjs';

/** A default must show in more than this share of the samples that did not declare it. */
const MIN_DEFAULT_SHARE = 0.5;

/** Every string some user declared: a lone "default" equal to one is an echo, not a default. */
function declaredStrings(cases) {
  const strings = new Set();
  const walk = (value) => {
    if (typeof value === 'string') strings.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const c of cases) walk(c.declared);
  return strings;
}

function valueAt(model, path) {
  let value = model;
  for (const key of path) value = value !== null && typeof value === 'object' ? value[key] : undefined;
  return value;
}

/**
 * The values the service filled in for properties the user did not send (`atDefault`, and
 * `generated` ones that turn out to be templates of other values, like a function's log group
 * `/aws/lambda/${FunctionName}`). A default is kept when the samples agree on it, it holds no
 * generated part, the registry schema accepts it, and it shows in most samples that could have
 * shown it, or, failing that, exactly in those with some declared value (a `when` condition).
 */
export function learnDefaults(cases, schemaOf) {
  const echoes = declaredStrings(cases);
  const result = {};
  for (const [typeName, group] of groupBy(cases, (c) => c.typeName)) {
    const byPath = new Map();
    for (const c of group) {
      for (const entry of c.expected) {
        if (entry.tier !== 'atDefault' && entry.tier !== 'generated') continue;
        if (entry.path.includes('[')) continue; // inside a keyed array element: no general rule
        if (!byPath.has(entry.path)) byPath.set(entry.path, []);
        byPath.get(entry.path).push({ c, value: entry.actual });
      }
    }
    const defaults = {};
    for (const [path, seen] of [...byPath].sort()) {
      const keys = path.split('.');
      if (group[0].readOnly.includes(keys[0])) continue;
      // The samples that could have shown it: the user sent the parent object but not the key.
      const open = group.filter((c) => {
        const parent = keys.length === 1 ? c.declared : valueAt(c.declared, keys.slice(0, -1));
        return parent !== null && typeof parent === 'object' && valueAt(parent, keys.slice(-1)) === undefined;
      });
      const refs = (c) => {
        const named = {};
        for (const [key, value] of Object.entries(c.live)) {
          if (key === keys[0] || typeof value !== 'string' || value.length < 6) continue;
          if (c.primaryIdentifier.includes(key) || c.readOnly.includes(key) || key.endsWith('Name')) named[key] = value;
        }
        return named;
      };
      const merged = mergeValues(seen.map(({ c, value }) => abstractValue(value, { ...c, refs: refs(c) })));
      if (merged === undefined || containsGenerator(merged)) continue;
      if (seen.length === 1 && typeof seen[0].value === 'string' && echoes.has(seen[0].value)) continue;
      if (keys.length === 1 && !acceptedBy(schemaOf(typeName).properties?.[path], seen[0].value)) continue;
      const rule = { value: merged };
      if (seen.length <= open.length * MIN_DEFAULT_SHARE) {
        const when = conditionFor(group, open, new Set(seen.map(({ c }) => c)));
        if (!when) continue;
        Object.assign(rule, when);
      }
      defaults[path] = rule;
    }
    if (Object.keys(defaults).length) result[typeName] = defaults;
  }
  return result;
}

/** Does the registry schema of a property accept the value (JSON type and enum)? */
function acceptedBy(property, value) {
  if (!property) return false;
  if (Array.isArray(property.enum) && !property.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    return false;
  const types = [property.type ?? []].flat();
  if (types.length === 0) return true;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return types.some(
    (t) => t === actual || (t === 'integer' && Number.isInteger(value)) || (t === 'number' && actual === 'number'),
  );
}

/**
 * A declared property that tells the samples showing a default from the others that could
 * have: `{when: {P: v}}` when P has the same value in every showing sample and another (or
 * none) in the others, P being a choice among a few values (fewer distinct values than samples
 * declaring it, at most 3); or `{whenSet: P}` when P is declared in every showing sample (at
 * least two) and in none of the others.
 */
function conditionFor(group, open, showing) {
  const others = open.filter((c) => !showing.has(c));
  const shown = open.filter((c) => showing.has(c));
  if (shown.length === 0 || others.length === 0) return undefined;
  const names = [...new Set(shown.flatMap((c) => Object.keys(c.declared)))].sort();
  for (const name of names) {
    const value = JSON.stringify(shown[0].declared[name]);
    const values = group.filter((c) => c.declared[name] !== undefined).map((c) => JSON.stringify(c.declared[name]));
    const choice = new Set(values).size <= 3 && new Set(values).size < values.length;
    const v = shown[0].declared[name];
    // A setting (`gp3`, `true`), not a reference to some resource (an ARN, an id).
    const scalar =
      typeof v === 'boolean' ||
      typeof v === 'number' ||
      (typeof v === 'string' && /^[A-Za-z0-9_. -]+$/.test(v) && !looksRandom(v));
    if (
      choice &&
      scalar &&
      shown.every((c) => JSON.stringify(c.declared[name]) === value) &&
      others.every((c) => JSON.stringify(c.declared[name]) !== value)
    ) {
      return { when: { [name]: shown[0].declared[name] } };
    }
  }
  for (const name of names) {
    if (shown.length >= 2 && shown.every((c) => name in c.declared) && others.every((c) => !(name in c.declared))) {
      return { whenSet: name };
    }
  }
  return undefined;
}
