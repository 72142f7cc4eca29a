/**
 * The non-resource tables the stackql-deploy docs query: a mutation request's status (what a
 * callback polls) and tagged resources (what a tag-based exists query joins with a list).
 */
import { describe, expect, it } from 'vitest';
import { AT, REGION, sqlSetup, tags } from './helpers.js';

describe('virtual tables', () => {
  it('answers a request status by RequestToken, as the callback anchor of the docs asks', async () => {
    const { port, sql } = await sqlSetup();
    let token = '';
    await port.createResource('AWS::S3::Bucket', REGION, { BucketName: 'b1' }, { onAccepted: (t) => (token = t) });
    const result = await sql.select(
      `SELECT OperationStatus = 'SUCCESS' as success
       FROM awscc.cloudcontrol.resource_request_statuses
       WHERE region = '${REGION}' AND RequestToken = '${token}'`,
      AT,
    );
    expect(result.rows).toEqual([{ success: 1 }]);
    const unknown = await sql.select(
      `SELECT OperationStatus FROM awscc.cloud_control.resource_request WHERE region = '${REGION}' AND RequestToken = 'nope'`,
      AT,
    );
    expect(unknown.rows).toEqual([]);
  });

  it("finds tagged resources and joins them with a list-only table (the docs' tag-based exists)", async () => {
    const { port, sql } = await sqlSetup();
    const stackTags = tags({ 'stackql:stack-name': 'demo', 'stackql:stack-env': 'dev' });
    const mine = await port.createResource('AWS::EC2::VPC', REGION, { CidrBlock: '10.0.0.0/16', Tags: stackTags });
    await port.createResource('AWS::EC2::VPC', REGION, {
      CidrBlock: '10.1.0.0/16',
      Tags: tags({ 'stackql:stack-name': 'demo', 'stackql:stack-env': 'prd' }),
    });
    const filters = JSON.stringify(stackTags.map((t) => ({ Key: t.Key, Values: [t.Value] })));
    const result = await sql.select(
      `WITH tagged_resources AS
       (
           SELECT split_part(ResourceARN, '/', 2) as vpc_id
           FROM awscc.tagging.tagged_resources
           WHERE region = '${REGION}'
           AND TagFilters = '${filters}'
           AND ResourceTypeFilters = '["ec2:vpc"]'
       ),
       vpcs AS
       (
           SELECT vpc_id
           FROM awscc.ec2.vpcs_list_only
           WHERE region = '${REGION}'
       )
       SELECT r.vpc_id
       FROM vpcs r
       INNER JOIN tagged_resources tr
       ON r.vpc_id = tr.vpc_id;`,
      AT,
    );
    expect(result.rows).toEqual([{ vpc_id: mine.identifier }]);
  });

  it('says which parameters a virtual table needs', async () => {
    const { sql } = await sqlSetup();
    await expect(
      sql.select(`SELECT * FROM awscc.tagging.tagged_resources WHERE region = '${REGION}'`, AT),
    ).rejects.toMatchObject({
      code: 'MissingListKey',
      message: expect.stringContaining('TagFilters and ResourceTypeFilters'),
    });
  });
});
