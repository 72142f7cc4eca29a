/**
 * Hostile inputs, generated: each case edits a copy of the example stack (or passes odd
 * arguments) and names the command to run. Every one must end in exit 1 with a clear message
 * (`error [Code] …`), no stack trace, in under 5 s. Grouped by where the problem is: the
 * manifest, a query file, a template, a file that is not a file, a path leaving the stack, an
 * argument.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HostileCase {
  name: string;
  /** Edits the private copy of the example stack before the run. */
  prepare?: (stack: string) => void;
  /** The command line after `deploy`; default `validate <stack> dev`. */
  args?: (stack: string) => string[];
  /** What the message must say (beyond being a clear `error [Code]`). */
  says?: RegExp;
}

const MANIFEST = 'stackql_manifest.yml';

function editFile(path: string, edit: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`corpus edit of ${path} changed nothing`);
  writeFileSync(path, after);
}

const manifest = (edit: (text: string) => string) => (stack: string) => editFile(join(stack, MANIFEST), edit);
const replaceManifest = (text: string) => (stack: string) => writeFileSync(join(stack, MANIFEST), text);
const query = (file: string, edit: (text: string) => string) => (stack: string) =>
  editFile(join(stack, 'resources', file), edit);
/** The API resource's first prop block, rewritten. */
const apiProps = (props: string) =>
  manifest((t) => t.replace(/( {2}- name: api\n(?:.*\n)*? {4}props:\n)(?:.*\n)*?( {4}exports:)/, `$1${props}$2`));
/** An extra key on the API resource. */
const apiKey = (line: string) => manifest((t) => t.replace('  - name: api\n', `  - name: api\n    ${line}\n`));

function fifo(path: string): void {
  rmSync(path, { force: true });
  execFileSync('mkfifo', [path]);
}

function link(target: string, path: string): void {
  rmSync(path, { force: true, recursive: true });
  symlinkSync(target, path);
}

const MINIMAL = (body: string): string => `name: s\nresources:\n${body}`;
const stackRun =
  (verb: string, ...more: string[]) =>
  (stack: string) => [verb, stack, 'dev', ...more];

function manifestCases(): HostileCase[] {
  const texts: [string, string][] = [
    ['an empty manifest', ''],
    ['a manifest of only a comment', '# nothing\n'],
    ['a list at the top', '- a\n- b\n'],
    ['a scalar at the top', 'just text\n'],
    ['two YAML documents', 'name: a\nresources: []\n---\nname: b\n'],
    ['a tab-indented manifest', 'name: s\nresources:\n\t- name: a\n'],
    ['an unclosed flow mapping', 'name: s\nresources: [{name: a\n'],
    ['a duplicate key', 'name: s\nname: t\nresources: []\n'],
    ['resources as a mapping', 'name: s\nresources:\n  a: 1\n'],
    ['resources as a string', 'name: s\nresources: many\n'],
    ['a resource that is a string', MINIMAL('  - api\n')],
    ['a resource without a name', MINIMAL('  - props: []\n')],
    ['an empty resource name', MINIMAL("  - name: ''\n")],
    ['a blank resource name', MINIMAL("  - name: '   '\n")],
    ['a numeric resource name', MINIMAL('  - name: 42\n')],
    ['a resource name that is a list', MINIMAL('  - name: [a]\n')],
    ['a resource name with a slash', MINIMAL('  - name: a/b\n')],
    ['a null stack name', 'name: null\nresources: []\n'],
    ['a stack name that is a map', 'name: {a: 1}\nresources: []\n'],
    ['a version that is text', 'version: abc\nname: s\nresources: []\n'],
    ['globals as a mapping', 'name: s\nglobals: {region: us-east-1}\nresources: []\n'],
    ['a global without a name', 'name: s\nglobals:\n  - value: 1\nresources: []\n'],
    ['a global with value: null', 'name: s\nglobals:\n  - name: g\n    value: null\nresources: []\n'],
    ['a billion-laughs alias fan-out', laughs()],
    ['a 20 MB manifest', `name: s\nresources: []\n${'# padding padding padding padding padding\n'.repeat(500_000)}`],
    ['a 10,000-deep nesting', `name: s\nresources: []\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['a manifest that is not UTF-8 text', '\u0000\u0001\u0002name: s\n'],
    ['an unknown top-level key', 'name: s\nresource: []\n'],
  ];
  return texts.map(([name, text]) => ({ name, prepare: replaceManifest(text) }));
}

function laughs(): string {
  let text = 'name: s\nresources: []\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i <= 9; i++)
    text += `a${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return text;
}

function propCases(): HostileCase[] {
  const props: [string, string][] = [
    ['value and values together', '      - name: api_name\n        value: a\n        values: {dev: {value: b}}\n'],
    ['value: null', '      - name: api_name\n        value: null\n'],
    ['a prop without a name', '      - value: a\n'],
    ['an empty prop name', "      - name: ''\n        value: a\n"],
    ['a prop without value or values', '      - name: api_name\n'],
    ['values that is a list', '      - name: api_name\n        values: [a, b]\n'],
    ['values without the env', '      - name: api_name\n        values: {prd: {value: b}}\n'],
    ['values.dev without value', '      - name: api_name\n        values: {dev: {other: b}}\n'],
    ['merge naming no global', '      - name: api_name\n        value: {}\n        merge: [nope]\n'],
    ['merge that is a string', '      - name: api_name\n        value: {}\n        merge: global_tags\n'],
    ['a prop that is a string', '      - api_name\n'],
    ['a duplicate prop name', '      - name: api_name\n        value: a\n      - name: api_name\n        value: b\n'],
  ];
  return props.map(([name, block]) => ({ name: `a prop with ${name}`, prepare: apiProps(block) }));
}

function resourceKeyCases(): HostileCase[] {
  const lines: [string, string][] = [
    ['depends_on naming no resource', 'depends_on: [nowhere]'],
    ['depends_on naming itself', 'depends_on: [api]'],
    ['depends_on with an empty name', "depends_on: ['']"],
    ['an unknown resource key', 'dependson: [stage]'],
    ['a type that is not resource or query', 'type: script'],
    ['file naming a missing file', 'file: missing.iql'],
    ['file that is a number', 'file: 3'],
    ['protected naming no export', 'protected: [secret]'],
    ['exports that is a string', 'exports: api_id'],
    ['an if that does not parse', 'if: "{{ stack_env == \'dev\' "'],
    ['an if with an undefined variable', 'if: "{{ nowhere == 1 }}"'],
    ['an if that is a list', 'if: [a]'],
    ['an empty if', "if: ''"],
    ['a description that is a map', 'description: {a: 1}'],
  ];
  return lines.map(([name, line]) => ({
    name: `the API with ${name}`,
    // Later keys win in YAML: drop the API's own exports first when the case sets them.
    prepare: name.startsWith('exports')
      ? manifest((t) => t.replace('    exports:\n      - api_id\n      - api_endpoint\n', `    ${line}\n`))
      : apiKey(line),
  }));
}

function cycleCases(): HostileCase[] {
  return [
    { name: 'a depends_on cycle of two', prepare: apiKey('depends_on: [stage]'), says: /cycle/i },
    {
      name: 'a depends_on cycle through three',
      prepare: manifest((t) => t.replace('  - name: api\n', '  - name: api\n    depends_on: [connect_route]\n')),
      says: /cycle/i,
    },
    {
      name: 'a cycle, found by plan as well',
      prepare: apiKey('depends_on: [stage]'),
      args: stackRun('plan', '--local'),
      says: /cycle/i,
    },
    {
      name: 'an undefined variable in if, found by plan',
      prepare: apiKey('if: "{{ nowhere == 1 }}"'),
      args: stackRun('plan', '--local'),
    },
  ];
}

function regionCases(): HostileCase[] {
  return ['moon-1', 'US-EAST-1', 'us_east_1', 'us-east-1 ', '', 'us-east', '1-east-us', 'us-east-1; DROP'].map(
    (region) => ({
      name: `region ${JSON.stringify(region)}`,
      prepare: manifest((t) => t.replace('    value: us-east-1\n', `    value: ${JSON.stringify(region)}\n`)),
      says: /region/i,
    }),
  );
}

function anchorCases(): HostileCase[] {
  const headers: [string, string][] = [
    ['retries=abc', '/*+ create, retries=abc */'],
    ['retries=-1', '/*+ create, retries=-1 */'],
    ['retries=1.5', '/*+ create, retries=1.5 */'],
    ['retry_delay=soon', '/*+ create, retry_delay=soon */'],
    ['retries without a value', '/*+ create, retries */'],
    ['an unknown option', '/*+ create, colour=red */'],
    ['an unknown anchor', '/*+ creat */'],
    ['an empty anchor', '/*+ */'],
    ['an unterminated anchor', '/*+ create '],
    ['the anchor twice', '/*+ create */\nSELECT 1;\n/*+ create */'],
  ];
  return headers.map(([name, header]) => ({
    name: `an anchor with ${name}`,
    prepare: query('api.iql', (t) => t.replace('/*+ create */', header)),
  }));
}

function statementCases(): HostileCase[] {
  const edits: [string, (t: string) => string][] = [
    ['an unknown table', (t) => t.replace('aws.apigatewayv2.apis', 'aws.apigatewayv2.nopes')],
    ['an unknown column', (t) => t.replace('  Name,\n', '  Nmae,\n')],
    ['more columns than values', (t) => t.replace('  Name,\n', '  Name,\n  Version,\n')],
    [
      'a read-only column',
      (t) =>
        t.replace('  Name,\n', '  Name,\n  ApiId,\n').replace("  '{{ api_name }}',\n", "  '{{ api_name }}',\n  'x',\n"),
    ],
    ['no region', (t) => t.replace(',\n  region\n)', '\n)').replace(",\n  '{{ region }}';", ';')],
    ['an unterminated string', (t) => t.replace("'WEBSOCKET',", "'WEBSOCKET,")],
    ['no statement at all', (t) => t.replace(/INSERT INTO[\s\S]*?;\n/, '')],
    ['a statement that is not SQL', (t) => t.replace(/INSERT INTO[\s\S]*?;\n/, 'hello world;\n')],
    ['a create without a delete', (t) => t.replace(/\/\*\+ delete \*\/[\s\S]*$/, '')],
    [
      'a boolean column given maybe',
      (t) =>
        t
          .replace('  Name,\n', '  Name,\n  DisableExecuteApiEndpoint,\n')
          .replace("  '{{ api_name }}',\n", "  '{{ api_name }}',\n  'maybe',\n"),
    ],
  ];
  return edits.map(([name, edit]) => ({ name: `the API query with ${name}`, prepare: query('api.iql', edit) }));
}

function templateCases(): HostileCase[] {
  const templates: [string, string, RegExp | undefined][] = [
    ['an unclosed expression', '{{ api_name', undefined],
    ['an unclosed block', '{% if true %}x', undefined],
    ['an undefined variable', '{{ nowhere }}', /nowhere/],
    ['an undefined filter', '{{ api_name | nofilter }}', /nofilter/],
    ['a loop of 300 million', '{% for i in range(300000000) %}x{% endfor %}', /limit|large|long/i],
    [
      'a nested loop of 100 million',
      '{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}',
      /limit|large|long/i,
    ],
    ['a recursive macro', '{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}', undefined],
    ['an include of /etc/passwd', '{% include "/etc/passwd" %}', undefined],
    ['an include leaving the stack', '{% include "../../../../etc/hostname" %}', undefined],
    ['an import of a missing file', '{% import "nope.iql" as n %}', undefined],
    ['from_json of text that is not JSON', "{{ '{oops' | from_json }}", undefined],
    ['a call of an undefined function', '{{ nothere() }}', undefined],
    ['attribute access on undefined', '{{ nowhere.deeper }}', /nowhere/],
    ['a string repeated by a huge join', '{{ range(50000000) | join(",") }}', /limit|large|long/i],
  ];
  return templates.map(([name, template, says]) => ({
    name: `a template with ${name}`,
    prepare: query('api.iql', (t) => t.replace("'{{ api_name }}'", `'${template}'`)),
    ...(says ? { says } : {}),
  }));
}

function fileCases(): HostileCase[] {
  const asApi = (make: (path: string, stack: string) => void) => (stack: string) =>
    make(join(stack, 'resources', 'api.iql'), stack);
  const asManifest = (make: (path: string, stack: string) => void) => (stack: string) =>
    make(join(stack, MANIFEST), stack);
  return [
    { name: 'a manifest that is a directory', prepare: asManifest((p) => (rmSync(p), mkdirSync(p))) },
    { name: 'a manifest that is a named pipe', prepare: asManifest(fifo) },
    { name: 'a manifest linked to /dev/zero', prepare: asManifest((p) => link('/dev/zero', p)) },
    { name: 'a manifest linked to /dev/urandom', prepare: asManifest((p) => link('/dev/urandom', p)) },
    { name: 'a manifest linked outside the stack', prepare: asManifest((p) => link('/etc/hostname', p)) },
    { name: 'a manifest link that dangles', prepare: asManifest((p) => link('/nonexistent/file.yml', p)) },
    { name: 'a query file that is a directory', prepare: asApi((p) => (rmSync(p), mkdirSync(p))) },
    { name: 'a query file that is a named pipe', prepare: asApi(fifo) },
    { name: 'a query file linked to /dev/zero', prepare: asApi((p) => link('/dev/zero', p)) },
    { name: 'a query file linked outside the stack', prepare: asApi((p) => link('/etc/hostname', p)) },
    { name: 'a query file of 20 MB', prepare: asApi((p) => writeFileSync(p, `-- ${'x'.repeat(20 * 1024 * 1024)}\n`)) },
    { name: 'file: leaving the stack', prepare: apiKey('file: ../../../../etc/hostname') },
    { name: 'file: an absolute path', prepare: apiKey('file: /etc/hostname') },
    {
      name: 'file: a directory',
      prepare: (s) => (mkdirSync(join(s, 'resources', 'dir.iql')), apiKey('file: dir.iql')(s)),
    },
    { name: 'file: /dev/zero', prepare: apiKey('file: /dev/zero') },
    {
      name: 'the resources directory linked outside',
      prepare: (s) => (rmSync(join(s, 'resources'), { recursive: true }), link('/etc', join(s, 'resources'))),
    },
    { name: 'a stack directory that is a file', args: (s) => ['validate', join(s, MANIFEST), 'dev'] },
    { name: 'a stack directory that does not exist', args: (s) => ['validate', join(s, 'nope'), 'dev'] },
  ];
}

function argumentCases(): HostileCase[] {
  const plan = (...more: string[]) => stackRun('plan', '--local', ...more);
  const parallelism = ['0', '0x10', '1e3', '1001', '-1', 'abc', '1.5', '', ' 5', '10abc', '99999999999999999999'].map(
    (value): HostileCase => ({
      name: `--parallelism ${JSON.stringify(value)}`,
      args: plan('--parallelism', value),
      says: /parallelism/,
    }),
  );
  const rateLimit = ['abc', '-5', '0x1', '1e9999'].map((value): HostileCase => ({
    name: `--rate-limit ${JSON.stringify(value)}`,
    args: plan('--rate-limit', value),
    says: /rate-limit/,
  }));
  const envFile = (name: string, make: (path: string) => void): HostileCase => ({
    name: `--env-file ${name}`,
    prepare: (s) => make(join(s, 'vars.env')),
    args: (s) => ['validate', s, 'dev', '--env-file', join(s, 'vars.env')],
  });
  return [
    ...parallelism,
    ...rateLimit,
    {
      name: '--env-file naming a missing file',
      args: (s) => ['validate', s, 'dev', '--env-file', join(s, 'missing.env')],
    },
    {
      name: '--env-file before the command',
      args: (s) => ['--env-file', join(s, 'missing.env'), 'validate', s, 'dev'],
    },
    envFile('that is a directory', (p) => mkdirSync(p)),
    envFile('that is a named pipe', fifo),
    envFile('linked to /dev/zero', (p) => link('/dev/zero', p)),
    envFile('with a line that is not KEY=VALUE', (p) => writeFileSync(p, 'NOT A VARIABLE\n')),
    envFile('with an unterminated quote', (p) => writeFileSync(p, 'A="open\n')),
    envFile('of 20 MB', (p) => writeFileSync(p, `A=${'x'.repeat(20 * 1024 * 1024)}\n`)),
    { name: '-e without =', args: (s) => ['validate', s, 'dev', '-e', 'JUSTNAME'] },
    { name: '-e with an empty name', args: (s) => ['validate', s, 'dev', '-e', '=value'] },
    { name: '-e with a bad name', args: (s) => ['validate', s, 'dev', '-e', '1A=x'] },
    { name: '--secret naming no variable', args: (s) => ['validate', s, 'dev', '--secret', 'NOPE'] },
    { name: 'plan --out a directory', args: plan('--out', '/tmp') },
    {
      name: 'plan --out in a missing directory',
      args: (s) => ['plan', s, 'dev', '--local', '--out', join(s, 'a.json', 'b.json')],
      prepare: (s) => writeFileSync(join(s, 'a.json'), ''),
    },
    {
      name: 'apply --plan a missing file',
      args: (s) => ['apply', s, 'dev', '--local', '--yes', '--plan', join(s, 'nope.json')],
    },
    { name: 'apply --plan a directory', args: (s) => ['apply', s, 'dev', '--local', '--yes', '--plan', s] },
    { name: 'apply --plan /dev/zero', args: (s) => ['apply', s, 'dev', '--local', '--yes', '--plan', '/dev/zero'] },
    {
      name: 'apply --plan of garbage',
      prepare: (s) => writeFileSync(join(s, 'p.json'), '{oops'),
      args: (s) => ['apply', s, 'dev', '--local', '--yes', '--plan', join(s, 'p.json')],
    },
    {
      name: 'apply --plan of another JSON',
      prepare: (s) => writeFileSync(join(s, 'p.json'), '[1,2]'),
      args: (s) => ['apply', s, 'dev', '--local', '--yes', '--plan', join(s, 'p.json')],
    },
    { name: 'an environment name leaving the stack', args: (s) => ['plan', s, '../x', '--local'] },
    { name: 'an empty environment name', args: (s) => ['plan', s, '', '--local'] },
    { name: 'an unknown flag', args: (s) => ['validate', s, 'dev', '--frobnicate'] },
    { name: '--on-failure bogus', args: (s) => ['apply', s, 'dev', '--local', '--yes', '--on-failure', 'bogus'] },
    { name: 'a flag for another command', args: (s) => ['validate', s, 'dev', '--yes'] },
    { name: 'apply without --yes and no terminal', args: stackRun('apply', '--local') },
    { name: 'a missing environment argument', args: (s) => ['validate', s] },
    { name: 'an extra argument', args: (s) => ['validate', s, 'dev', 'extra'] },
    { name: '--local with --endpoint', args: plan('--endpoint', 'http://127.0.0.1:1') },
    { name: 'an endpoint that is not a URL', args: stackRun('plan', '--endpoint', 'not a url') },
    { name: 'render of an unknown resource', args: (s) => ['render', s, 'dev', '--resource', 'nope'] },
  ];
}

export function hostileCases(): HostileCase[] {
  return [
    ...manifestCases(),
    ...propCases(),
    ...resourceKeyCases(),
    ...cycleCases(),
    ...regionCases(),
    ...anchorCases(),
    ...statementCases(),
    ...templateCases(),
    ...fileCases(),
    ...argumentCases(),
  ];
}
