/**
 * The SQL engine over the local cloud: the queries real stackql-deploy stacks write (tag views
 * grouped with JSON functions, sub-queries, computed exports, list-only tables) give the rows
 * StackQL would, reading only what their WHERE clauses allow.
 */
import { describe, expect, it } from 'vitest';
import { queryColumns } from '../../src/sql/index.js';
import { schemaRegistry } from '../../src/schema/index.js';
import { AT, callsSince, REGION, sqlSetup, tags } from './helpers.js';

const STACK_TAGS = { Provisioner: 'stackql', StackName: 'aws-stack', StackEnv: 'dev' };

const VPC_EXISTS = `SELECT COUNT(*) as count FROM
(
SELECT vpc_id,
json_group_object(tag_key, tag_value) as tags
FROM aws.ec2.vpc_tags
WHERE region = '${REGION}'
AND cidr_block = '10.2.0.0/16'
GROUP BY vpc_id
HAVING json_extract(tags, '$.Provisioner') = 'stackql'
AND json_extract(tags, '$.StackName') = 'aws-stack'
AND json_extract(tags, '$.StackEnv') = 'dev'
) t;`;

describe('SELECT over Cloud Control tables', () => {
  it('counts resources through a tag table grouped by resource and filtered with JSON functions', async () => {
    const { port, sql } = await sqlSetup();
    expect((await sql.select(VPC_EXISTS, AT)).rows).toEqual([{ count: 0 }]);
    await port.createResource('AWS::EC2::VPC', REGION, { CidrBlock: '10.2.0.0/16', Tags: tags(STACK_TAGS) });
    await port.createResource('AWS::EC2::VPC', REGION, {
      CidrBlock: '10.2.0.0/16',
      Tags: tags({ ...STACK_TAGS, StackEnv: 'prd' }),
    });
    await port.createResource('AWS::EC2::VPC', REGION, { CidrBlock: '10.9.0.0/16', Tags: tags(STACK_TAGS) });
    expect((await sql.select(VPC_EXISTS, AT)).rows).toEqual([{ count: 1 }]);
  });

  it('answers exports with aliases and computed columns, named as the query names them', async () => {
    const { port, sql } = await sqlSetup();
    const vpc = await port.createResource('AWS::EC2::VPC', REGION, {
      CidrBlock: '10.2.0.0/16',
      Tags: tags(STACK_TAGS),
    });
    const result = await sql.select(
      `SELECT vpc_id, vpc_cidr_block, 'http://' || vpc_id || '.example' as url FROM
       (SELECT vpc_id, cidr_block as "vpc_cidr_block", json_group_object(tag_key, tag_value) as tags
        FROM aws.ec2.vpc_tags WHERE region = '${REGION}' GROUP BY vpc_id
        HAVING json_extract(tags, '$.StackEnv') = 'dev') t`,
      AT,
    );
    expect(result.columns).toEqual(['vpc_id', 'vpc_cidr_block', 'url']);
    expect(result.rows).toEqual([
      { vpc_id: vpc.identifier, vpc_cidr_block: '10.2.0.0/16', url: `http://${vpc.identifier}.example` },
    ]);
  });

  it('reads one resource with one GetResource when the WHERE pins its identifier', async () => {
    const { port, sql } = await sqlSetup();
    await port.createResource('AWS::S3::Bucket', REGION, {
      BucketName: 'b1',
      VersioningConfiguration: { Status: 'Enabled' },
    });
    await port.createResource('AWS::S3::Bucket', REGION, { BucketName: 'b2' });
    const before = port.callCounts();
    const result = await sql.select(
      `SELECT COUNT(*) as count FROM (
         SELECT JSON_EQUAL(versioning_configuration, '{ "Status" : "Enabled" }') as test_versioning_config
         FROM aws.s3.buckets WHERE region = '${REGION}' AND data__Identifier = 'b1') t
       WHERE test_versioning_config = 1;`,
      AT,
    );
    expect(result.rows).toEqual([{ count: 1 }]);
    expect(callsSince(port, before)).toEqual({ GetResource: 1 });
  });

  it('pins the identifier by its primary identifier column too (awscc spelling, list-only table)', async () => {
    const { port, sql } = await sqlSetup();
    await port.createResource('AWS::S3::Bucket', REGION, { BucketName: 'b1' });
    const before = port.callCounts();
    const result = await sql.select(
      `SELECT COUNT(*) as count FROM awscc.s3.buckets_list_only WHERE region = '${REGION}' AND bucket_name = 'b1';`,
      AT,
    );
    expect(result.rows).toEqual([{ count: 1 }]);
    expect(callsSince(port, before)).toEqual({ GetResource: 1 });
  });

  it('reads each identifier an IN list pins (the sql_list form of the docs), and lists nothing', async () => {
    const { port, sql } = await sqlSetup();
    for (const name of ['b1', 'b2', 'b3']) await port.createResource('AWS::S3::Bucket', REGION, { BucketName: name });
    const before = port.callCounts();
    const result = await sql.select(
      `SELECT bucket_name FROM aws.s3.buckets WHERE region = '${REGION}' AND bucket_name IN ('b1','b3','gone') ORDER BY 1`,
      AT,
    );
    expect(result.rows).toEqual([{ bucket_name: 'b1' }, { bucket_name: 'b3' }]);
    expect(callsSince(port, before)).toEqual({ GetResource: 3 });
  });

  it('lists within the parent the list handler requires, taking the key from the WHERE', async () => {
    const { port, sql } = await sqlSetup();
    const vpc = await port.createResource('AWS::EC2::VPC', REGION, { CidrBlock: '10.0.0.0/16' });
    const table = await port.createResource('AWS::EC2::RouteTable', REGION, { VpcId: vpc.identifier });
    await port.createResource('AWS::EC2::Route', REGION, {
      RouteTableId: table.identifier,
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: 'igw-0123456789abcdef0',
    });
    const query = `SELECT COUNT(*) as count FROM (SELECT destination_cidr_block FROM aws.ec2.routes
      WHERE region = '${REGION}' AND route_table_id = '${table.identifier}' AND gateway_id = 'igw-0123456789abcdef0') t;`;
    expect((await sql.select(query, AT)).rows).toEqual([{ count: 1 }]);
    await expect(
      sql.select(`SELECT count(*) FROM (SELECT * FROM aws.ec2.routes WHERE region = '${REGION}') t`, AT),
    ).rejects.toMatchObject({
      code: 'MissingListKey',
      message: 'listing aws.ec2.routes needs route_table_id',
      location: { file: AT.file, line: AT.line },
    });
  });

  it('list-only tables hold the list rows; tag tables one row per tag', async () => {
    const { port, sql } = await sqlSetup();
    const igw = await port.createResource('AWS::EC2::InternetGateway', REGION, { Tags: tags({ a: '1', b: '2' }) });
    const before = port.callCounts();
    const listed = await sql.select(
      `SELECT internet_gateway_id FROM awscc.ec2.internet_gateways_list_only WHERE region = '${REGION}' ORDER BY 1`,
      AT,
    );
    expect(listed.rows).toEqual([{ internet_gateway_id: igw.identifier }]);
    expect(callsSince(port, before)).toEqual({ ListResources: 1 });
    const tagged = await sql.select(
      `SELECT internet_gateway_id, tag_key, tag_value FROM aws.ec2.internet_gateway_tags WHERE region = '${REGION}' ORDER BY tag_key`,
      AT,
    );
    expect(tagged.rows).toEqual([
      { internet_gateway_id: igw.identifier, tag_key: 'a', tag_value: '1' },
      { internet_gateway_id: igw.identifier, tag_key: 'b', tag_value: '2' },
    ]);
  });

  it('joins CTEs over two tables, with the StackQL functions registered', async () => {
    const { port, sql } = await sqlSetup();
    const vpc = await port.createResource('AWS::EC2::VPC', REGION, {
      CidrBlock: '10.0.0.0/16',
      Tags: tags({ Name: 'x' }),
    });
    await port.createResource('AWS::EC2::VPC', REGION, { CidrBlock: '10.1.0.0/16', Tags: tags({ Name: 'y' }) });
    const result = await sql.select(
      `WITH named AS (SELECT split_part('arn:aws:ec2:${REGION}:1:vpc/' || vpc_id, '/', 2) AS vpc_id FROM aws.ec2.vpc_tags
         WHERE region = '${REGION}' AND tag_key = 'Name' AND tag_value = 'x'),
       vpcs AS (SELECT vpc_id FROM awscc.ec2.vpcs_list_only WHERE region = '${REGION}')
       SELECT r.vpc_id FROM vpcs r INNER JOIN named n ON r.vpc_id = n.vpc_id;`,
      AT,
    );
    expect(result.rows).toEqual([{ vpc_id: vpc.identifier }]);
  });

  it('says which resource made an exists query answer yes', async () => {
    const { port, sql } = await sqlSetup();
    await port.createResource('AWS::EC2::VPC', REGION, {
      CidrBlock: '10.2.0.0/16',
      Tags: tags({ ...STACK_TAGS, StackEnv: 'prd' }),
    });
    const mine = await port.createResource('AWS::EC2::VPC', REGION, {
      CidrBlock: '10.2.0.0/16',
      Tags: tags(STACK_TAGS),
    });
    const selection = await sql.select(VPC_EXISTS, AT);
    const candidates = selection.candidates('AWS::EC2::VPC');
    expect(candidates).toHaveLength(2);
    const answers = await Promise.all(candidates.map((c) => selection.narrowed('AWS::EC2::VPC', c)));
    const yes = candidates.filter((_, i) => answers[i]?.rows[0]?.['count'] === 1);
    expect(yes.map((c) => c.state.identifier)).toEqual([mine.identifier]);
  });

  it('reports SQL problems at the statement, in StackQL names, with a did-you-mean', async () => {
    const bad = `SELECT COUNT(*) as count FROM (SELECT vpc_idd FROM aws.ec2.vpc_tags WHERE region = '${REGION}') t`;
    await expect(queryColumns(bad, AT, schemaRegistry())).rejects.toMatchObject({
      code: 'SqlError',
      message: 'SQLite: no such column: vpc_idd',
      hint: "did you mean 'vpc_id'?",
      location: { file: AT.file, line: AT.line, resource: 'test' },
    });
    await expect(
      queryColumns(`SELECT vpc_id FROM (SELECT * FROM aws.ec2.vpcs) t`, AT, schemaRegistry()),
    ).rejects.toMatchObject({
      code: 'MissingRegion',
    });
    await expect(
      queryColumns(`SELECT * FROM aws.ec2.vw_vpcs WHERE region = 'r'`, AT, schemaRegistry()),
    ).rejects.toMatchObject({
      code: 'UnsupportedView',
      hint: expect.stringContaining('_tags table'),
    });
    await expect(
      queryColumns(`SELECT 1 FROM google.compute.networks WHERE name = 'x'`, AT, schemaRegistry()),
    ).rejects.toMatchObject({
      code: 'UnsupportedProvider',
    });
  });
});
