// Values → value templates, the core of the learner (see ../distil-real-reads.mjs). A string
// is cut into parts: {ref} (another property, the region, the account, the partition), {gen}
// (a timestamp, uuid or IP address), {sep} and {word}; samples are merged part by part, and
// words that differ between samples (or look random in a lone one) become generators of the
// class and length they share (`${hex:16}`, `${alnum:10}`). A literal `$` is written `$$`.

/** Property values shorter than this are not worth recognising inside another value. */
const MIN_REFERENCE_LENGTH = 4;
/** A random word needs at least this many samples before a shared prefix counts as literal. */
const PREFIX_SAMPLES = 3;

const escape = (text) => text.replaceAll('$', '$$$$');

const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z?)/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/;
const IPV6_PREFIX = /(?<![0-9a-f:])[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){1,6}::/;
const SEPARATOR = /([-._:/|=+, @*])/;

/** The narrowest character class a word belongs to; wider classes accept narrower ones. */
export function classOf(word) {
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
export function looksRandom(word) {
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

export const hasGenerator = (template) =>
  /\$\{(hex|alnum|ALNUM|Alnum|digits|uuid|ipv4|ipv6|time)[:}]/.test(template.replaceAll('$$', ''));

/** Template value for one sample: strings abstracted (see partsOf), the rest kept. */
export function abstractValue(value, context) {
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

export function containsGenerator(value) {
  if (typeof value === 'string') return hasGenerator(value);
  if (Array.isArray(value)) return value.some(containsGenerator);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsGenerator);
  return false;
}

export function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
