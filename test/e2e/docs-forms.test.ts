/**
 * Every AWS query form of the stackql-deploy docs ("Resource Query Files", "Template Filters")
 * on the local cloud: test/fixtures/docs-forms is a stack made of them. Forms that need a
 * failure or a second look have their own small stacks here.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaRegistry } from '../../src/schema/index.js';
import { loadStack, renderTyped } from '../../src/stack/index.js';
import { deploy, eventsOf, manifestHead, stackWith, tempStack } from './harness.js';

const DOCS = resolve(import.meta.dirname, '../fixtures/docs-forms');

describe('the AWS forms of the stackql-deploy docs', () => {
  it('deploy, plan nothing, find everything again without a ledger, tear down', async () => {
    const stack = tempStack(DOCS);
    expect((await deploy(['validate', stack, 'dev'])).code).toBe(0);
    // get_logging_kms_key_id reads an alias this run creates: read during apply, after it.
    const built = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(eventsOf(built, 'run_finished')[0]?.summary).toMatchObject({ created: 5, failed: 0 });
    const ledger = JSON.parse(readFileSync(join(stack, '.deploy', 'dev', 'state.json'), 'utf8')) as {
      resources: Record<string, { region: string; exports: Record<string, unknown> }>;
    };
    expect(ledger.resources['aws_s3_workspace_bucket']?.region).toBe('ap-southeast-2');
    expect(ledger.resources['example_subnet']?.exports['subnet_id']).toMatch(/^subnet-/);

    for (const withLedger of [true, false]) {
      if (!withLedger) rmSync(join(stack, '.deploy', 'dev', 'state.json'));
      const plan = await deploy(['plan', stack, 'dev', '--local', '--detailed-exitcode']);
      expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    }
    expect((await deploy(['apply', stack, 'dev', '--local', '--yes'])).code).toBe(0);
    const down = await deploy(['teardown', stack, 'dev', '--local', '--yes', '--json']);
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect(eventsOf(down, 'run_finished')[0]?.summary).toMatchObject({ deleted: 5, failed: 0 });
  });

  it('troubleshoot:create reads the failed request through the RequestToken return_vals captured', async () => {
    const stack = stackWith(
      `${manifestHead('ts')}  - name: bucket
    props:
      - name: bucket_name
        value: ts-bucket
    return_vals:
      create:
        - RequestToken
`,
      {
        'bucket.iql': `/*+ create */
INSERT INTO awscc.s3.buckets (BucketName, region) SELECT '{{ bucket_name }}', '{{ region }}' RETURNING *;

/*+ troubleshoot:create */
SELECT OperationStatus, StatusMessage, ErrorCode
FROM awscc.cloud_control.resource_request
WHERE RequestToken = '{{ this.RequestToken }}'
AND region = '{{ region }}';

/*+ delete */
DELETE FROM awscc.s3.buckets WHERE Identifier = '{{ bucket_name }}' AND region = '{{ region }}';
`,
      },
    );
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json'], {
      DEPLOY_LOCAL_FAULTS: 'create:AWS::S3::Bucket:1:GeneralServiceException',
    });
    expect(run.code).toBe(1);
    const diagnostics = eventsOf(run, 'warning').find((w) => w.resource === 'bucket')?.message ?? '';
    expect(diagnostics).toContain('troubleshoot diagnostics (create)');
    const rows = JSON.parse(diagnostics.slice(diagnostics.indexOf('\n') + 1));
    expect(rows).toEqual([
      {
        OperationStatus: 'FAILED',
        StatusMessage: expect.stringContaining('Injected fault'),
        ErrorCode: 'GeneralServiceException',
      },
    ]);
  });

  it('idempotency_token: stable per resource, the same as this.* and as <resource>.*, a UUID v4', () => {
    const stack = stackWith(
      `${manifestHead('tokens')}  - name: first
    props: []
  - name: second
    props: []
`,
      {
        'first.iql': `/*+ create */
INSERT INTO aws.s3.buckets (BucketName, Tags, region)
SELECT 'first', '[{"Key": "a", "Value": "{{ this.idempotency_token }}"}, {"Key": "b", "Value": "{{ idempotency_token }}"}]', '{{ region }}';
/*+ delete */
DELETE FROM aws.s3.buckets WHERE data__Identifier = 'first' AND region = '{{ region }}';
`,
        'second.iql': `/*+ create */
INSERT INTO aws.s3.buckets (BucketName, Tags, region)
SELECT 'second', '[{"Key": "first", "Value": "{{ first.idempotency_token }}"}, {"Key": "own", "Value": "{{ this.idempotency_token }}"}]', '{{ region }}';
/*+ delete */
DELETE FROM aws.s3.buckets WHERE data__Identifier = 'second' AND region = '{{ region }}';
`,
      },
    );
    const render = () => {
      const loaded = loadStack({ stackDir: stack, env: 'dev', processEnv: {}, assignments: [], cwd: process.cwd() });
      const known = new Map([['first', {}]]);
      return loaded.resources.map((r) =>
        (
          renderTyped({ stack: loaded, resource: r, registry: schemaRegistry(), known }).rendered.create?.desiredState[
            'Tags'
          ] as { Value: string }[]
        ).map((t) => t.Value),
      );
    };
    const [[a, b], [fromFirst, own]] = render() as [string[], string[]];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).toBe(a);
    expect(fromFirst).toBe(a);
    expect(own).not.toBe(a);
    expect(render()).toEqual([
      [a, a],
      [a, own],
    ]);
  });

  it('a createorupdate that patches an existing resource is refused with what to write instead', async () => {
    const stack = stackWith(
      `${manifestHead('patch')}  - name: notifications
    props:
      - name: transfer_bucket_name
        value: existing-bucket
      - name: transfer_notification_config
        value: {}
`,
      {
        'notifications.iql': `/*+ createorupdate */
update aws.s3.buckets 
set PatchDocument = string('{{ {
    "NotificationConfiguration": transfer_notification_config
    } | generate_patch_document }}') 
WHERE 
region = '{{ region }}' 
AND Identifier = '{{ transfer_bucket_name }}';
`,
      },
    );
    const run = await deploy(['validate', stack, 'dev']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[WrongStatementKind]');
    expect(run.stderr).toContain('type: command');
  });
});
