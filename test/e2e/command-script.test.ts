/**
 * stackql-deploy's other resource types on the local cloud: `type: script` (a shell command
 * whose JSON output is its exports), `type: command` (statements run on every apply, skipped
 * by teardown) and inline `sql:` for queries and commands.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SdkCloudControl } from '../../src/cloud/index.js';
import { startLocalCloud } from '../../src/emulator/index.js';
import { deploy, eventsOf, manifestHead, stackWith } from './harness.js';

const MANIFEST = `${manifestHead('cmd')}  - name: bucket
    props:
      - name: bucket_name
        value: "{{ stack_name }}-{{ stack_env }}-data"
    exports: [bucket_name]
  - name: get_token
    type: script
    run: >-
      printf '{"token": "%s"}' "{{ stack_env }}-{{ bucket_name }}"
    exports: [token]
  - name: label
    type: query
    sql: SELECT 'label-' || '{{ token }}' AS label
    exports: [label]
  - name: tag_bucket
    type: command
    sql: >-
      UPDATE aws.s3.buckets
      SET data__PatchDocument = string('[{"op": "add", "path": "/Tags", "value": [{"Key": "label", "Value": "{{ label }}"}]}]')
      WHERE data__Identifier = '{{ bucket_name }}' AND region = '{{ region }}'
`;

const BUCKET = `/*+ exists */
SELECT bucket_name FROM aws.s3.buckets WHERE region = '{{ region }}' AND data__Identifier = '{{ bucket_name }}';

/*+ create */
INSERT INTO aws.s3.buckets (BucketName, region) SELECT '{{ bucket_name }}', '{{ region }}';

/*+ delete */
DELETE FROM aws.s3.buckets WHERE data__Identifier = '{{ bucket_name }}' AND region = '{{ region }}';
`;

async function bucketTags(stack: string): Promise<unknown> {
  const server = await startLocalCloud({ dataDir: join(stack, '.deploy', 'local-cloud') });
  const cloud = new SdkCloudControl({
    endpoint: server.url,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
    rateLimit: 0,
  });
  try {
    return (await cloud.getResource('AWS::S3::Bucket', 'us-east-1', 'cmd-dev-data'))?.properties['Tags'];
  } finally {
    cloud.destroy();
    await server.close();
  }
}

describe('script, command and inline sql resources', () => {
  it('runs the script and the query once what they use exists, then the command', async () => {
    const stack = stackWith(MANIFEST, { 'bucket.iql': BUCKET });
    expect((await deploy(['validate', stack, 'dev'])).code).toBe(0);
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(eventsOf(run, 'resource_finished').map((e) => e.resource)).toEqual(['bucket', 'tag_bucket']);
    expect(await bucketTags(stack)).toEqual([{ Key: 'label', Value: 'label-dev-cmd-dev-data' }]);

    const again = await deploy(['plan', stack, 'dev', '--local', '--detailed-exitcode']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const down = await deploy(['teardown', stack, 'dev', '--local', '--yes', '--json']);
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect(eventsOf(down, 'resource_started').map((e) => e.resource)).toEqual(['bucket']);
  });

  it('fails a script that exits non-zero, or prints no JSON object holding its exports', async () => {
    const failing = stackWith(MANIFEST.replace(/printf .*/, "echo 'no such token' >&2; exit 3"), {
      'bucket.iql': BUCKET,
    });
    const run = await deploy(['apply', failing, 'dev', '--local', '--yes']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('[ScriptFailed]');
    expect(run.stdout + run.stderr).toContain("the script of 'get_token' exited with 3: no such token");

    const silent = stackWith(MANIFEST.replace(/printf .*/, `echo '{"other": 1}'`), { 'bucket.iql': BUCKET });
    const quiet = await deploy(['apply', silent, 'dev', '--local', '--yes']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout + quiet.stderr).toContain("the script of 'get_token' printed no token");
  });

  it('validate checks a command statement like any other', async () => {
    const stack = stackWith(MANIFEST.replace('SET data__PatchDocument', 'SET data__Patch'), { 'bucket.iql': BUCKET });
    const run = await deploy(['validate', stack, 'dev']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("resource 'tag_bucket': UPDATE cannot SET data__Patch");
  });
});
