// Distils recorded Cloud Control reads into what the local cloud needs to answer like AWS:
// per type, how the service forms the values it generates (ids, ARNs, endpoints) and which
// defaults it fills in for properties the user did not send. Writes
// src/emulator/data/real-reads.json; see src/emulator/data/README.md for the sources.
//
// Usage: node scripts/distil-real-reads.mjs <real-reads dir> [<registry schemas dir> | -] [out]
// (without a schemas dir: the registry snapshot bundled in data/cfn-registry; build first)
//
// Nothing is typed in per example: every rule is learned from the samples. A value becomes a
// template: other properties' values, the region, the account and the partition are replaced
// by `${Name}` placeholders, and what still differs between samples (or looks random in a lone
// one) by a generator (`${hex:16}`, `${alnum:10}`, `${uuid}`, …). A rule is kept only when
// every sample of the type agrees on it. A literal `$` is written `$$`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Property values shorter than this are not worth recognising inside another value. */
const MIN_REFERENCE_LENGTH = 4;
/** A random word needs at least this many samples before a shared prefix counts as literal. */
const PREFIX_SAMPLES = 3;
/** A default must show in more than this share of the samples that did not declare it. */
const MIN_DEFAULT_SHARE = 0.5;

// ---------------------------------------------------------------------------------------------
// Values → parts. A part is {lit}, {ref} (a placeholder name) or {gen} (a generator).

const escape = (text) => text.replaceAll('$', '$$$$');

const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z?)/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/;
const IPV6_PREFIX = /(?<![0-9a-f:])[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){1,6}::/;
const SEPARATOR = /([-._:/|=+, @*])/;

/** The narrowest character class a word belongs to; wider classes accept narrower ones. */
function classOf(word) {
  if (/^[0-9]+$/.test(word)) return 'digits';
  if (/^[0-9a-f]+$/.test(word)) return 'hex';
  if (/^[a-z0-9]+$/.test(word)) return 'alnum';
  if (/^[A-Z0-9]+$/.test(word)) return 'ALNUM';
  if (/^[A-Za-z0-9]+$/.test(word)) return 'Alnum';
  return undefined;
}

const WIDER = {
  digits: ['digits', 'hex', 'alnum', 'ALNUM', 'Alnum'],
  hex: ['hex', 'alnum', 'Alnum'],
  alnum: ['alnum', 'Alnum'],
  ALNUM: ['ALNUM', 'Alnum'],
  Alnum: ['Alnum'],
};

/** The narrowest class accepting every word, or undefined. */
function commonClass(words) {
  const classes = words.map(classOf);
  if (classes.some((c) => c === undefined)) return undefined;
  return ['digits', 'hex', 'alnum', 'ALNUM', 'Alnum'].find((c) => classes.every((k) => WIDER[k].includes(c)));
}

/**
 * A word that is surely generated even when seen once: digits mixed with letters, over 8
 * characters or with several digits (`qf0uwiu`, `e60xod`; not `s3alias`, `x86`).
 */
function looksRandom(word) {
  const digits = word.replace(/[^0-9]/g, '').length;
  const letters = word.replace(/[^A-Za-z]/g, '').length;
  if (classOf(word) === undefined || digits === 0 || letters === 0) return false;
  return word.length >= 8 || (word.length >= 6 && digits >= 2);
}

/**
 * Splits a string into parts: `refs` (name → value, tried longest value first) become
 * placeholders; timestamps, uuids and IPv4 addresses become generators; the rest is cut into
 * words and separators.
 */
export function partsOf(text, refs) {
  let parts = [{ lit: text }];
  const candidates = Object.entries(refs)
    .filter(([, value]) => typeof value === 'string' && value.length >= MIN_REFERENCE_LENGTH)
    .sort((a, b) => b[1].length - a[1].length);
  for (const [name, value] of candidates) {
    // The region and the account are distinctive enough to find inside words (`us-east-1a`).
    const loose = name === 'Region' || name === 'Account';
    parts = parts.flatMap((part) => (part.lit === undefined ? [part] : cutOut(part.lit, value, name, loose)));
  }
  parts = parts.flatMap((part) => (part.lit === undefined ? [part] : partition(part.lit)));
  parts = parts.flatMap((part) => (part.lit === undefined ? [part] : special(part.lit)));
  return parts
    .flatMap((part) =>
      part.lit === undefined
        ? [part]
        : part.lit.split(SEPARATOR).map((lit) => (SEPARATOR.test(lit) ? { sep: lit } : { word: lit })),
    )
    .filter((part) => part.word !== '');
}

/** Replaces whole occurrences of `value` (not inside a longer word) by a placeholder. */
function cutOut(text, value, name, loose) {
  const parts = [];
  let from = 0;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    // A word only matches whole: "disable" is not the start of "disabled".
    const glued = (a, b) => /[A-Za-z0-9]/.test(a ?? '') && /[A-Za-z0-9]/.test(b ?? '');
    if (
      at < from ||
      (loose !== true && (glued(text[at - 1], value[0]) || glued(value.at(-1), text[at + value.length])))
    )
      continue;
    parts.push({ lit: text.slice(from, at) }, { ref: name });
    from = at + value.length;
  }
  parts.push({ lit: text.slice(from) });
  return parts;
}

/** `arn:aws:` → `arn:${Partition}:` (the partition is `aws-cn` in China, `aws-us-gov`, …). */
function partition(text) {
  return text
    .split('arn:aws:')
    .flatMap((piece, i) =>
      i === 0 ? [{ lit: piece }] : [{ lit: 'arn:' }, { ref: 'Partition' }, { lit: ':' }, { lit: piece }],
    );
}

function special(text) {
  for (const [pattern, gen] of [
    [TIME, (m) => `time:${m[1] ? 'ms' : 's'}${m[2]}`],
    [UUID, () => 'uuid'],
    [IPV4, () => 'ipv4'],
    [IPV6_PREFIX, () => 'ipv6'],
  ]) {
    const m = pattern.exec(text);
    if (m) {
      return [...special(text.slice(0, m.index)), { gen: gen(m) }, ...special(text.slice(m.index + m[0].length))];
    }
  }
  return [{ lit: text }];
}

/**
 * One template for what several samples (each a parts list) have in common, or undefined when
 * they disagree in shape. `lone`: words in a single sample that are generated, not literal.
 */
export function mergeParts(samples, { lone = looksRandom } = {}) {
  const [first, ...rest] = samples;
  if (!first || rest.some((s) => s.length !== first.length)) return undefined;
  let template = '';
  for (let i = 0; i < first.length; i++) {
    const column = samples.map((s) => s[i]);
    const head = column[0];
    if (head.sep !== undefined) {
      if (column.some((p) => p.sep !== head.sep)) return undefined;
      template += escape(head.sep);
    } else if (head.ref !== undefined || head.gen !== undefined) {
      const key = head.ref ?? head.gen;
      if (column.some((p) => (p.ref ?? p.gen) !== key)) return undefined;
      template += `\${${key}}`;
    } else {
      const words = column.map((p) => p.word);
      if (words.some((w) => w === undefined)) return undefined;
      const word = mergeWords(words, samples.length === 1 && lone(words[0]));
      if (word === undefined) return undefined;
      template += word;
    }
  }
  return template;
}

function mergeWords(words, randomAlone) {
  if (words.every((w) => w === words[0]) && !randomAlone) return escape(words[0]);
  const length = words[0].length;
  if (words.some((w) => w.length !== length)) return undefined;
  let prefix = '';
  if (words.length >= PREFIX_SAMPLES) {
    while (prefix.length < length - 1 && words.every((w) => w[prefix.length] === words[0][prefix.length])) {
      prefix += words[0][prefix.length];
    }
  }
  const rest = words.map((w) => w.slice(prefix.length));
  const kind = commonClass(rest);
  if (kind === undefined) return undefined;
  return `${escape(prefix)}\${${kind}:${length - prefix.length}}`;
}

/**
 * The samples of the most common shape, when more than half have it: a few samples whose
 * name the user typed into an ARN (rather than a name property) must not hide the rule.
 */
function majority(samples) {
  const shapeOf = (parts) =>
    parts
      .map((p) => (p.ref !== undefined ? `\${${p.ref}}` : p.gen !== undefined ? `#${p.gen}` : (p.sep ?? 'w')))
      .join('');
  const groups = groupBy(samples, shapeOf).map(([, group]) => group);
  const largest = groups.sort((a, b) => b.length - a.length)[0] ?? [];
  return largest.length * 2 > samples.length ? largest : samples;
}

const hasGenerator = (template) =>
  /\$\{(hex|alnum|ALNUM|Alnum|digits|uuid|ipv4|ipv6|time)[:}]/.test(template.replaceAll('$$', ''));

// ---------------------------------------------------------------------------------------------
// JSON values → template values (every string a template), merged over samples.

/** Template value for one sample: strings abstracted (see partsOf), the rest kept. */
function abstractValue(value, context) {
  if (typeof value === 'string') {
    return { parts: partsOf(value, { ...context.refs, Region: context.region, Account: context.account }) };
  }
  if (Array.isArray(value)) return value.map((item) => abstractValue(item, context));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, abstractValue(v, context)]));
  }
  return value;
}

/** Merges abstracted samples into one template value, or undefined when they disagree. */
export function mergeValues(samples, options = {}) {
  const [first] = samples;
  if (first !== null && typeof first === 'object' && 'parts' in first && !Array.isArray(first)) {
    if (!samples.every((s) => s !== null && typeof s === 'object' && 'parts' in s)) return undefined;
    return mergeParts(majority(samples.map((s) => s.parts)), options);
  }
  if (Array.isArray(first)) {
    if (!samples.every((s) => Array.isArray(s) && s.length === first.length)) return undefined;
    // Elements of one array are alike (a list of ids): merge them all as samples of one.
    const items = samples.flat();
    if (items.length === 0) return [];
    const one = mergeValues(items, options);
    return one === undefined ? undefined : first.map(() => one);
  }
  if (first !== null && typeof first === 'object') {
    const keys = Object.keys(first).sort();
    const result = {};
    for (const sample of samples) {
      if (sample === null || typeof sample !== 'object' || Array.isArray(sample) || 'parts' in sample) return undefined;
      if (Object.keys(sample).sort().join('\u0000') !== keys.join('\u0000')) return undefined;
    }
    for (const key of keys) {
      const merged = mergeValues(
        samples.map((s) => s[key]),
        options,
      );
      if (merged === undefined) return undefined;
      result[key] = merged;
    }
    return result;
  }
  return samples.every((s) => JSON.stringify(s) === JSON.stringify(first)) ? first : undefined;
}

function containsGenerator(value) {
  if (typeof value === 'string') return hasGenerator(value);
  if (Array.isArray(value)) return value.some(containsGenerator);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsGenerator);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Cases.

const stripPointer = (pointer) => pointer.replace(/^\/properties\//, '');

function loadCases(readsDir, schemaOf) {
  return readdirSync(readsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(readsDir, file), 'utf8'));
      const typeName = raw.resource.resourceType;
      const schema = schemaOf(typeName);
      const topLevel = (pointers) => (pointers ?? []).map(stripPointer).filter((p) => !p.includes('/'));
      return {
        file,
        typeName,
        declared: raw.resource.declared ?? {},
        live: raw.liveRaw ?? {},
        expected: raw.expected ?? [],
        generated: new Set((raw.expected ?? []).filter((e) => e.tier === 'generated').map((e) => e.path)),
        region: raw.opts?.region ?? 'us-east-1',
        account: raw.opts?.accountId ?? '111111111111',
        primaryIdentifier: topLevel(schema.primaryIdentifier),
        readOnly: topLevel(schema.readOnlyProperties),
      };
    });
}

/**
 * The read-only attributes in the order they are generated: primary-identifier parts first.
 * An attribute may be built from writable properties and from attributes before it.
 */
function attributeOrder(c) {
  const readOnly = new Set(c.readOnly);
  const first = c.primaryIdentifier.filter((p) => readOnly.has(p));
  return [...first, ...c.readOnly.filter((p) => !first.includes(p)).sort()];
}

/**
 * What an attribute may be built from: the values a create will have when it is generated,
 * i.e. what the user declared, names the service generates (identifier parts, `generated`
 * ones), and attributes generated before it. Not values the service fills in by default.
 */
function refsFor(c, name, order) {
  const refs = {};
  const readOnly = new Set(c.readOnly);
  const before = new Set(order.slice(0, order.indexOf(name)));
  for (const [key, value] of Object.entries(c.live)) {
    if (key === name || typeof value !== 'string') continue;
    const known = readOnly.has(key)
      ? before.has(key)
      : key in c.declared || c.generated.has(key) || c.primaryIdentifier.includes(key);
    if (known) refs[key] = value;
  }
  for (const [key, value] of Object.entries(c.declared)) {
    if (key !== name && typeof value === 'string') refs[key] ??= value;
  }
  return refs;
}

function learnAttributes(cases) {
  const result = {};
  for (const [typeName, group] of groupBy(cases, (c) => c.typeName)) {
    const order = attributeOrder(group[0]);
    const attributes = {};
    for (const name of order) {
      const samples = group.filter((c) => c.live[name] !== undefined);
      if (samples.length === 0) continue;
      const isIdPart = group[0].primaryIdentifier.includes(name);
      // A generated identifier that is one word is random even when seen once ("zqeejp").
      const oneWord = samples.every((c) => typeof c.live[name] === 'string' && classOf(c.live[name]) !== undefined);
      const lone = (word) => looksRandom(word) || (isIdPart && oneWord && word.length >= 5);
      // Epoch timestamps and counters that large are not constants.
      if (samples.some((c) => typeof c.live[name] === 'number' && Math.abs(c.live[name]) >= 1e9)) continue;
      const merged = mergeValues(
        samples.map((c) => abstractValue(c.live[name], { ...c, refs: refsFor(c, name, order) })),
        { lone },
      );
      // An identifier part the same for every resource would make them all collide.
      const constant = typeof merged === 'string' && !merged.replaceAll('$$', '').includes('${');
      const collides = constant && group[0].primaryIdentifier.length === 1 && isIdPart;
      if (merged !== undefined && !collides) attributes[name] = merged;
    }
    if (Object.keys(attributes).length) result[typeName] = attributes;
  }
  return result;
}

/**
 * Id formats by property name within a service (`EC2` / `VpcId` → `vpc-0${hex:16}`), from every
 * value of a `…Id` property any sample holds: they serve types no sample covers. Only names
 * that are some type's own id (`<Type>Id`, the type in the same service), which the service
 * generates somewhere: a generic `AssociationId` says nothing about another type's ids.
 */
function learnByName(cases, typeNames) {
  const idNames = new Set(typeNames.map((t) => `${t.split('::')[1]}\u0000${t.split('::')[2]}Id`.toLowerCase()));
  const samples = new Map();
  const generatedSomewhere = new Set(
    cases.flatMap((c) => c.readOnly.map((p) => `${c.typeName.split('::')[1]}\u0000${p}`)),
  );
  // Another type holds a type's own `Id` as `<Type>Id` (a TransitGateway's Id is a TransitGatewayId).
  const ownId = (c) => (c.primaryIdentifier.join() === 'Id' ? `${c.typeName.split('::')[2]}Id` : undefined);
  for (const c of cases) if (ownId(c)) generatedSomewhere.add(`${c.typeName.split('::')[1]}\u0000${ownId(c)}`);
  for (const c of cases) {
    const service = c.typeName.split('::')[1];
    const own = ownId(c) && typeof c.live.Id === 'string' ? { [ownId(c)]: c.live.Id } : {};
    for (const source of [c.live, c.declared, own]) {
      for (const [name, value] of Object.entries(source)) {
        if (!/[a-z]Id$/.test(name) || typeof value !== 'string') continue;
        const key = `${service}\u0000${name}`;
        if (!samples.has(key)) samples.set(key, new Set());
        samples.get(key).add(value);
      }
    }
  }
  const result = {};
  for (const [key, values] of [...samples].sort()) {
    const [service, name] = key.split('\u0000');
    const abstracted = [...values].map((v) =>
      abstractValue(v, { refs: {}, region: 'us-east-1', account: '111111111111' }),
    );
    const merged = mergeValues(abstracted);
    const shape =
      typeof merged === 'string'
        ? /^[a-z0-9-]*\$\{(hex|alnum|ALNUM|Alnum|digits):(\d+)\}$|^\$\{uuid\}$/.exec(merged)
        : null;
    if (
      generatedSomewhere.has(key) &&
      idNames.has(key.toLowerCase()) &&
      shape &&
      (shape[2] === undefined || Number(shape[2]) >= 6)
    ) {
      (result[service] ??= {})[name] = merged;
    }
  }
  return result;
}

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
function learnDefaults(cases, schemaOf) {
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

function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The registry schemas of a directory of `*.json` files. */
export function schemasIn(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** `schemas`: the CloudFormation registry's resource schemas (all of them: names matter too). */
export function distil(readsDir, schemas) {
  const byType = new Map(schemas.filter((s) => typeof s.typeName === 'string').map((s) => [s.typeName, s]));
  const schemaOf = (typeName) => {
    const schema = byType.get(typeName);
    if (!schema) throw new Error(`no registry schema for ${typeName}`);
    return schema;
  };
  const cases = loadCases(readsDir, schemaOf);
  const attributes = learnAttributes(cases);
  const defaults = learnDefaults(cases, schemaOf);
  const types = {};
  for (const typeName of [...new Set([...Object.keys(attributes), ...Object.keys(defaults)])].sort()) {
    types[typeName] = {
      samples: cases.filter((c) => c.typeName === typeName).length,
      ...(attributes[typeName] ? { attributes: attributes[typeName] } : {}),
      ...(defaults[typeName] ? { defaults: defaults[typeName] } : {}),
    };
  }
  return {
    $comment:
      'Generated by scripts/distil-real-reads.mjs from recorded Cloud Control reads; do not edit. Sources: src/emulator/data/README.md.',
    cases: cases.length,
    types,
    byName: learnByName(cases, [...byType.keys()]),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [readsDir, schemasDir, out = 'src/emulator/data/real-reads.json'] = process.argv.slice(2);
  if (!readsDir) {
    console.error('usage: node scripts/distil-real-reads.mjs <real-reads dir> [<registry schemas dir> | -] [out]');
    console.error('  without a schemas dir: the registry snapshot bundled in data/cfn-registry (npm run build first)');
    process.exit(2);
  }
  const schemas =
    schemasDir && schemasDir !== '-'
      ? schemasIn(schemasDir)
      : (await import('../dist/schema/build-registry.js')).readSnapshot();
  const data = distil(readsDir, schemas);
  writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`${out}: ${data.cases} reads, ${Object.keys(data.types).length} types`);
}
