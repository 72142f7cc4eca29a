/**
 * stackql-deploy's query anchors, as a stack uses them on the local cloud: exists fields
 * become `this.*`, callback polls the request status, statecheck confirms the deployed state
 * (or fails the resource, with the troubleshoot query's rows shown), and the exports query's
 * columns, computed ones included, are the exports.
 */
import { describe, expect, it } from 'vitest';
import { deploy, eventsOf, ledgerOf, manifestHead, stackWith } from './harness.js';

const MANIFEST = `${manifestHead('anchors')}  - name: bucket
    props:
      - name: bucket_name
        value: "{{ stack_name }}-{{ stack_env }}-site"
      - name: versioning
        value:
          Status: Enabled
      - name: expected
        value:
          Status: Enabled
    exports: [bucket_arn, site]
`;

function bucketIql(): string {
  return `/*+ exists */
SELECT bucket_name AS found_name FROM aws.s3.buckets
WHERE region = '{{ region }}' AND data__Identifier = '{{ bucket_name }}';

/*+ create */
INSERT INTO awscc.s3.buckets (BucketName, VersioningConfiguration, region)
SELECT '{{ bucket_name }}', '{{ versioning }}', '{{ region }}'
RETURNING *;

/*+ callback:create, retries=3, retry_delay=0 */
SELECT OperationStatus = 'SUCCESS' AS success
FROM awscc.cloudcontrol.resource_request_statuses
WHERE region = '{{ region }}' AND RequestToken = '{{ callback.ProgressEvent.RequestToken }}';

/*+ statecheck, retries=2, retry_delay=0 */
SELECT COUNT(*) AS count FROM (
  SELECT JSON_EQUAL(versioning_configuration, '{{ expected }}') AS ok
  FROM aws.s3.buckets WHERE region = '{{ region }}' AND data__Identifier = '{{ this.found_name }}'
) t WHERE ok = 1;

/*+ troubleshoot:create */
SELECT bucket_name, versioning_configuration FROM aws.s3.buckets
WHERE region = '{{ region }}' AND data__Identifier = '{{ bucket_name }}';

/*+ exports */
SELECT arn AS bucket_arn, 'https://' || bucket_name || '.example' AS site
FROM aws.s3.buckets WHERE region = '{{ region }}' AND data__Identifier = '{{ this.found_name }}';

/*+ delete */
DELETE FROM aws.s3.buckets WHERE data__Identifier = '{{ bucket_name }}' AND region = '{{ region }}';
`;
}

/** The 1-based line of the first line of the .iql holding `text`. */
function lineOf(text: string): number {
  return (
    bucketIql()
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1
  );
}

describe('query anchors on the local cloud', () => {
  it('runs callback, statecheck and exports after a create; exists fields are this.*', async () => {
    const stack = stackWith(MANIFEST, { 'bucket.iql': bucketIql() });
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(ledgerOf(stack, 'dev').resources['bucket']?.exports).toEqual({
      bucket_arn: 'arn:aws:s3:::anchors-dev-site',
      site: 'https://anchors-dev-site.example',
    });
    const again = await deploy(['plan', stack, 'dev', '--local', '--detailed-exitcode']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });

  it('fails a resource whose statecheck never holds, shows the troubleshoot rows, and keeps it in the ledger', async () => {
    const stack = stackWith(
      MANIFEST.replace(
        '      - name: expected\n        value:\n          Status: Enabled',
        '      - name: expected\n        value:\n          Status: Suspended',
      ),
      {
        'bucket.iql': bucketIql(),
      },
    );
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(run.code).toBe(1);
    const failed = eventsOf(run, 'resource_failed')[0];
    expect(failed?.error).toMatchObject({ code: 'StatecheckFailed', line: lineOf('SELECT COUNT(*) AS count') });
    expect(failed?.error.file).toMatch(/resources\/bucket\.iql$/);
    const warning = eventsOf(run, 'warning').find((w) => w.resource === 'bucket');
    expect(warning?.message).toContain('troubleshoot diagnostics (create)');
    expect(warning?.message).toContain('"versioning_configuration": "{\\"Status\\":\\"Enabled\\"}"');
    // Created is created: the ledger knows it, so a teardown removes it.
    expect(ledgerOf(stack, 'dev').resources['bucket']?.identifier).toBe('anchors-dev-site');
    expect((await deploy(['teardown', stack, 'dev', '--local', '--yes'])).code).toBe(0);
  });

  it('validate reports SQL mistakes at their line, before any cloud call', async () => {
    const stack = stackWith(MANIFEST, {
      'bucket.iql': bucketIql().replace('SELECT arn AS bucket_arn', 'SELECT arnn AS bucket_arn'),
    });
    const run = await deploy(['validate', stack, 'dev']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `resources/bucket.iql:${lineOf('SELECT arn AS bucket_arn')}, resource 'bucket': SQLite: no such column: arnn`,
    );
    expect(run.stderr).toContain("did you mean 'arn'?");
  });
});
