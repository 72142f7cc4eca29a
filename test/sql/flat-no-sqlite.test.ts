/**
 * A stack whose queries are flat SELECTs never loads the SQL engine (its own test file: each
 * file runs in a fresh module registry, so nothing else here has loaded it).
 */
import { expect, it } from 'vitest';
import { sqliteLoadMs } from '../../src/sql/index.js';
import { AT, REGION, sqlSetup } from './helpers.js';

it('answers flat SELECTs without loading SQLite, and loads it for the first query that needs it', async () => {
  const { port, sql } = await sqlSetup();
  await port.createResource('AWS::S3::Bucket', REGION, { BucketName: 'b1' });
  const flat = await sql.select(
    `SELECT bucket_name AS name, arn FROM aws.s3.buckets WHERE region = '${REGION}' AND data__Identifier = 'b1'`,
    AT,
  );
  expect(flat.rows).toEqual([{ name: 'b1', arn: 'arn:aws:s3:::b1' }]);
  const counted = await sql.select(`SELECT COUNT(*) AS count FROM aws.s3.buckets WHERE region = '${REGION}'`, AT);
  expect(counted.rows).toEqual([{ count: 1 }]);
  expect(sqliteLoadMs()).toBeUndefined();
  const computed = await sql.select(
    `SELECT 'x-' || bucket_name AS name FROM aws.s3.buckets WHERE region = '${REGION}' AND data__Identifier = 'b1'`,
    AT,
  );
  expect(computed.rows).toEqual([{ name: 'x-b1' }]);
  expect(sqliteLoadMs()).toBeGreaterThan(0);
});
