import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { readBlockYaml } from '../../src/manifest/block-yaml.js';
import { indexDocument, type PathKey } from '../../src/manifest/yaml-lines.js';
import { makeStack } from '../../bench/lib/scale-stacks.mjs';
import { FULL_MANIFEST } from './stack-fixture.js';

/** What the yaml package reads, as loadManifest reads it. */
function withYaml(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', schema: 'core', merge: true, uniqueKeys: true, lineCounter });
  return { ok: doc.errors.length === 0, value: doc.toJS() as unknown, lines: indexDocument(doc, lineCounter) };
}

/** Every path in a value, with whether the value there is a string. */
function paths(value: unknown, at: PathKey[] = []): { path: PathKey[]; text: boolean }[] {
  const here = { path: at, text: typeof value === 'string' };
  if (Array.isArray(value)) return [here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object') {
    return [here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  }
  return [here];
}

/** When the fast reader accepts a text, it must give what the yaml package gives: values and lines. */
function expectSameAsYaml(text: string): boolean {
  const fast = readBlockYaml(text);
  if (fast === undefined) return false;
  const slow = withYaml(text);
  expect(slow.ok, text).toBe(true);
  expect(fast.doc, text).toEqual(slow.value);
  for (const { path, text: isText } of [...paths(slow.value), { path: ['missing', 0], text: false }]) {
    expect(fast.lines.lineOf(path), `${text}\nlineOf ${path.join('.')}`).toBe(slow.lines.lineOf(path));
    if (isText) expect(fast.lines.textLineOf(path), `textLineOf ${path.join('.')}`).toBe(slow.lines.textLineOf(path));
  }
  return true;
}

function manifestsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return manifestsUnder(path);
    return name === 'stackql_manifest.yml' ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('readBlockYaml', () => {
  it('reads the synthetic scale stacks as the yaml package does', () => {
    for (const shape of ['wide', 'layered']) {
      const { dir } = makeStack(shape, 12);
      expect(expectSameAsYaml(readFileSync(join(dir, 'stackql_manifest.yml'), 'utf8'))).toBe(true);
    }
  });

  it('gives what the yaml package gives for every example and fixture manifest it accepts', () => {
    const texts = [FULL_MANIFEST, ...manifestsUnder('examples'), ...manifestsUnder('test/fixtures')];
    const accepted = texts.filter((text) => expectSameAsYaml(text));
    expect(texts.length).toBeGreaterThan(5);
    expect(accepted.length).toBeGreaterThan(0);
  });

  it('reads simple values as the YAML 1.2 core schema does', () => {
    const simple = [
      'a: 1\nb: -0\nc: 0\nd: -12\n',
      'a: ~\nb: null\nc: Null\nd: NULL\ne:\n',
      'a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\n',
      'a: "x y"\nb: \'it\'\'s\'\nc: "{{ x }}"\nd: \'\'\ne: ""\n',
      'a: [1, b, true, null]\nb: []\nc: [ ]\n',
      'a:\n  - x\n  - y\nb:\n- 1\n- 2\nc: 3\n',
      'a: $x\nb: /path/to\nc: hello world\nd: x-y.z\n',
      '# comment\na:\n\n  # inside\n  b: 1\n\n  c: 2\nd: 3   \n',
      'list:\n  - name: a\n    exports:\n  - name: b\n    depends_on: [a]\n',
      '- a\n- b\n',
      'cidr: 10.0.0.0/16\nv: 1.2.3\nt: 2024-01-01\ns: x, y\nh: .hidden\np: (a)\n',
      'a: [\'q\', "r", s, 1]\nb: {}\nc:\n  application/json: \'{"k": 1}\'\n',
    ];
    for (const text of simple) expect(expectSameAsYaml(text), text).toBe(true);
  });

  it('leaves everything else to the yaml package', () => {
    const other = [
      '',
      '# only a comment\n',
      'a: 007\n',
      'a: +5\n',
      'a: 1.5\n',
      'a: .5\n',
      'a: 1e3\n',
      'a: 0x1F\n',
      'a: .inf\n',
      'a: 12345678901234567890\n',
      'a: "x\\"y"\n',
      'a: "tab\\t"\n',
      'a: b # comment\n',
      'a: b\n  c\n',
      'a:\n  b: 1\n c: 2\n',
      'a: x:y\n',
      'a: https://example.com\n',
      'a: &x 1\nb: *x\n',
      'base: &b\n  x: 1\nother:\n  <<: *b\n',
      'a: {b: 1}\n',
      'a: {b}\n',
      "a: ['x, y']\n",
      'a: {{ x }}\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      '---\na: 1\n',
      'a: 1\na: 2\n',
      'true: 1\n',
      '__proto__: 1\n',
      'a: !!str 1\n',
      'a:\tb\n',
      'a: 1\r\nb: 2\r\n',
      'a: [a, ]\n',
      'a: [[1]]\n',
      '-\n  name: b\n',
      'a: - b\n',
      '"quoted": 1\n',
      'a b: 1\n',
      'a: b\n  - c\n',
    ];
    for (const text of other) expect(readBlockYaml(text), JSON.stringify(text)).toBeUndefined();
    const deep = Array.from({ length: 5_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(readBlockYaml(deep)).toBeUndefined();
  });
});
