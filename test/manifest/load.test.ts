import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeployError, DeployErrors } from '../../src/errors/index.js';
import { loadManifest } from '../../src/manifest/index.js';
import { FULL_MANIFEST, writeStack } from './stack-fixture.js';

/** The errors loadManifest throws for this manifest text (one DeployError or a DeployErrors). */
function problems(manifest: string): DeployError[] {
  try {
    loadManifest(writeStack(manifest));
  } catch (error) {
    if (error instanceof DeployErrors) return error.errors;
    if (DeployError.is(error)) return [error];
    throw error;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('loadManifest: a valid manifest', () => {
  const dir = writeStack(FULL_MANIFEST);
  const manifest = loadManifest(dir);

  it('reads the stack-level fields', () => {
    expect(manifest.dir).toBe(path.resolve(dir));
    expect(manifest.file).toBe(path.join(path.resolve(dir), 'stackql_manifest.yml'));
    expect(manifest).toMatchObject({
      version: 1,
      name: 'websocket-api',
      description: 'a websocket API',
      providers: ['awscc'],
    });
    expect(manifest.exports).toEqual([
      { column: 'api_id', alias: 'api_id' },
      { column: 'endpoint', alias: 'endpoint' },
    ]);
  });

  it('reads globals with their lines', () => {
    expect(manifest.globals).toEqual([
      { name: 'region', value: '{{ AWS_REGION }}', description: 'aws region', line: 8 },
      {
        name: 'global_tags',
        value: [
          { Key: 'Provisioner', Value: 'stackql' },
          { Key: 'StackEnv', Value: '{{ stack_env }}' },
        ],
        line: 11,
      },
    ]);
  });

  it('reads resources: props, values per env, merge, aliased exports, protected, lines', () => {
    const api = manifest.resources[0];
    expect(api).toMatchObject({ name: 'api', type: 'resource', line: 18, dependsOn: [], protected: ['endpoint'] });
    expect(api?.file).toBe(path.join(path.resolve(dir), 'resources', 'api.iql'));
    expect(api?.props).toEqual([
      { name: 'api_name', value: '{{ stack_name }}-{{ stack_env }}-api', line: 20 },
      {
        name: 'route_selection',
        values: { prd: { value: '$request.body.action' }, dev: { value: '$request.body.dev' } },
        line: 22,
      },
      { name: 'tags', value: [{ Key: 'Name', Value: '{{ stack_name }}' }], merge: ['global_tags'], line: 28 },
    ]);
    expect(api?.exports).toEqual([
      { column: 'api_id', alias: 'api_id' },
      { column: 'api_endpoint', alias: 'endpoint' },
    ]);
  });

  it('reads file, depends_on, if, skip_validation, type and sql', () => {
    const [, integration, lookup] = manifest.resources;
    expect(integration).toMatchObject({
      name: 'integration',
      file: path.join(path.resolve(dir), 'resources', 'shared', 'integration.iql'),
      dependsOn: ['api'],
      if: "'{{ stack_env }}' == 'prd'",
      skipValidation: true,
      line: 39,
    });
    expect(lookup).toMatchObject({
      name: 'lookup',
      type: 'query',
      sql: 'SELECT 1 AS one',
      exports: [{ column: 'one', alias: 'one' }],
    });
  });

  it('defaults the name to the directory and everything else to empty', () => {
    const bare = writeStack('resources:\n  - name: only\n');
    const loaded = loadManifest(bare);
    expect(loaded.name).toBe(path.basename(bare));
    expect(loaded).toMatchObject({ providers: [], globals: [], exports: [] });
    expect(loaded.resources[0]).toMatchObject({
      type: 'resource',
      props: [],
      exports: [],
      protected: [],
      dependsOn: [],
    });
  });

  it('accepts single names where lists are expected, YAML merge keys and x- anchor keys', () => {
    const loaded = loadManifest(
      writeStack(
        'x-query: &query\n  type: query\nproviders: awscc\nresources:\n  - &base\n    name: a\n    type: command\n  - <<: *base\n    name: b\n    depends_on: a\n  - <<: *query\n    name: c\n',
      ),
    );
    expect(loaded.providers).toEqual(['awscc']);
    expect(loaded.resources[1]).toMatchObject({ name: 'b', type: 'command', dependsOn: ['a'], line: 8 });
    expect(loaded.resources[2]).toMatchObject({ name: 'c', type: 'query' });
  });

  it('keeps dates and version-like values as the text written', () => {
    const loaded = loadManifest(writeStack('globals:\n  - name: day\n    value: 2024-01-01\n'));
    expect(loaded.globals[0]?.value).toBe('2024-01-01');
  });
});

describe('loadManifest: problems', () => {
  it('reports a missing manifest', () => {
    const [error] = problems('');
    expect(error?.code).toBe('WrongType');
    const missing = (() => {
      try {
        loadManifest(path.join(writeStack(''), 'nope'));
      } catch (e) {
        return e as DeployError;
      }
      return undefined;
    })();
    expect(missing?.code).toBe('ManifestNotFound');
    expect(missing?.hint).toContain('stack directory');
  });

  it('reports bad YAML with its line', () => {
    const [error] = problems('name: x\nresources:\n  - name: a\n   props: [\n');
    expect(error?.code).toBe('ManifestSyntax');
    expect(error?.location.file).toMatch(/stackql_manifest\.yml$/);
    expect(error?.location.line).toBe(4);
    expect(error?.hint).toBeTruthy();
  });

  it('reports duplicate keys as bad YAML', () => {
    const [error] = problems('name: a\nname: b\n');
    expect(error?.code).toBe('ManifestSyntax');
    expect(error?.location.line).toBe(2);
  });

  it('reports unknown keys with a suggestion, at their line', () => {
    const errors = problems(
      'name: s\nresources:\n  - name: a\n  - name: b\n    dependson: [a]\n    props:\n      - name: p\n        valeu: 1\nexprots: []\n',
    );
    expect(errors.map((e) => [e.code, e.location.line, e.location.resource])).toEqual([
      ['UnknownKey', 9, undefined],
      ['UnknownKey', 5, 'b'],
      ['UnknownKey', 8, 'b'],
      ['MissingKey', 7, 'b'],
    ]);
    expect(errors[0]?.hint).toContain("Did you mean 'exports'?");
    expect(errors[1]?.message).toContain("'dependson'");
    expect(errors[1]?.hint).toContain("Did you mean 'depends_on'?");
    expect(errors[2]?.hint).toContain("'value'");
  });

  it('reports a misspelt or missing value under values.<env>', () => {
    const errors = problems(
      'resources:\n  - name: a\n    props:\n      - name: p\n        values:\n          prd:\n            vaule: 1\n          dev: {}\n',
    );
    expect(errors.map((e) => [e.code, e.location.line])).toEqual([
      ['UnknownKey', 7],
      ['MissingKey', 8],
    ]);
    expect(errors[0]?.hint).toContain("Did you mean 'value'?");
  });

  it('reports duplicate resource names at the second one, naming the first', () => {
    const errors = problems('resources:\n  - name: a\n  - name: b\n  - name: a\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'DuplicateName', location: { line: 4, resource: 'a' } });
    expect(errors[0]?.message).toContain('line 2');
  });

  it('reports depends_on naming an unknown resource, with a suggestion', () => {
    const errors = problems(
      'resources:\n  - name: api\n  - name: route\n    depends_on:\n      - apii\n      - route\n',
    );
    expect(errors.map((e) => [e.code, e.location.line])).toEqual([
      ['UnknownDependency', 5],
      ['InvalidValue', 6],
    ]);
    expect(errors[0]?.hint).toContain("Did you mean 'api'?");
  });

  it('reports a resource without a name, wrong types and unknown types', () => {
    const errors = problems(
      'resources:\n  - type: resource\n  - name: b\n    type: resorce\n    props: {a: 1}\n    skip_validation: yes\n  - just-a-string\n',
    );
    expect(errors.map((e) => [e.code, e.location.line])).toEqual([
      ['MissingKey', 2],
      ['InvalidValue', 4],
      ['WrongType', 5],
      ['WrongType', 6],
      ['WrongType', 7],
    ]);
    expect(errors[1]?.hint).toContain("Did you mean 'resource'?");
    expect(errors[2]?.message).toBe("'props' of resource 'b' must be a list, not a mapping");
  });

  it('reports globals without value, duplicate and reserved names', () => {
    const errors = problems(
      'globals:\n  - name: a\n  - name: b\n    value: 1\n  - name: b\n    value: 2\n  - name: stack_env\n    value: x\n',
    );
    expect(errors.map((e) => [e.code, e.location.line])).toEqual([
      ['MissingKey', 2],
      ['DuplicateName', 5],
      ['ReservedName', 7],
    ]);
  });

  it('reports protected names that are not exports, and stack exports nobody exports', () => {
    const errors = problems(
      'resources:\n  - name: a\n    exports: [secret_id]\n    protected: [secret]\nexports:\n  - secret_id\n  - missing\n',
    );
    expect(errors.map((e) => [e.code, e.location.line])).toEqual([
      ['UnknownExport', 4],
      ['UnknownExport', 7],
    ]);
    expect(errors[0]?.hint).toContain("'secret_id'");
  });

  it('reports merge sources that are not globals, earlier props or exports', () => {
    const errors = problems(
      'globals:\n  - name: tags\n    value: []\nresources:\n  - name: a\n    props:\n      - name: t\n        value: []\n        merge:\n          - tags\n          - later\n          - tagz\n      - name: later\n        value: []\n',
    );
    expect(errors.map((e) => [e.code, e.location.line])).toEqual([
      ['UnknownMergeSource', 11],
      ['UnknownMergeSource', 12],
    ]);
    expect(errors[1]?.hint).toContain("Did you mean 'tags'?");
  });

  it('reads where state lives, and reports a state location that is neither s3:// nor file at its line', () => {
    expect(loadManifest(writeStack('name: s\nstate: s3://team-state/deploy\nresources: []\n')).state).toBe(
      's3://team-state/deploy',
    );
    expect(loadManifest(writeStack('name: s\nstate: file\n')).state).toBe('file');
    const [error] = problems('name: s\nstate: gs://team-state/deploy\n');
    expect(error).toMatchObject({ code: 'InvalidStateUrl', location: { line: 2 } });
    expect(error?.message).toContain('gs://team-state/deploy');
    expect(error?.hint).toContain('s3://BUCKET/PREFIX');
  });

  it('refuses a second YAML document, naming its line', () => {
    const [error] = problems('name: a\n---\nname: b\n');
    expect(error?.code).toBe('ManifestSyntax');
    expect(error?.location.line).toBe(2);
  });

  it('refuses an alias fan-out that would expand without bound', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    const [error] = problems(`${levels.join('\n')}\nname: x\n`);
    expect(error?.code).toBe('ManifestSyntax');
    expect(error?.hint).toContain('aliases');
  });

  it('reports an unquoted {{ }} template', () => {
    const [error] = problems('globals:\n  - name: region\n    value: {{ AWS_REGION }}\n');
    expect(error?.code).toBe('UnquotedTemplate');
    expect(error?.location.line).toBe(3);
    expect(error?.hint).toContain('"{{ AWS_REGION }}"');
  });

  it('requires run for script resources and an export shape', () => {
    const errors = problems('resources:\n  - name: s\n    type: script\n    exports:\n      - {a: 1, b: 2}\n');
    expect(errors.map((e) => e.code).sort()).toEqual(['MissingKey', 'WrongType']);
  });

  it('reports every problem at once, each with the manifest file', () => {
    const errors = problems('nmae: x\nresources:\n  - name: a\n  - name: a\n    depends_on: [zz]\n');
    expect(errors.length).toBe(3);
    for (const error of errors) expect(error.location.file).toMatch(/stackql_manifest\.yml$/);
  });
});
