/** Which tables a SELECT reads and which restrictions may be pushed to each (never an unsafe one). */
import { describe, expect, it } from 'vitest';
import { findTables } from '../../src/sql/scopes.js';

const AT = { file: 'q.iql', line: 1 };

function read(sql: string): Record<string, Record<string, (string | number)[]>> {
  const out: Record<string, Record<string, (string | number)[]>> = {};
  for (const ref of findTables(sql, AT)) {
    out[ref.parts.join('.')] = Object.fromEntries(ref.constraints.map((c) => [c.column, c.values]));
  }
  return out;
}

describe('table references', () => {
  it('finds tables in CTEs, sub-queries and joins, with their own WHERE equalities', () => {
    expect(
      read(`WITH a AS (SELECT x FROM aws.ec2.vpcs WHERE region = 'r' AND vpc_id IN ('v1', 'v2')),
            b AS (SELECT y FROM awscc.ec2.subnets_list_only s WHERE s.region = 'r' AND 'sn' = s.subnet_id)
            SELECT * FROM a JOIN b ON a.x = b.y
            WHERE EXISTS (SELECT 1 FROM aws.s3.buckets WHERE region = 'r2' AND bucket_name = 'b' AND n > 1)`),
    ).toEqual({
      'aws.ec2.vpcs': { region: ['r'], vpc_id: ['v1', 'v2'] },
      'awscc.ec2.subnets_list_only': { region: ['r'], subnet_id: ['sn'] },
      'aws.s3.buckets': { region: ['r2'], bucket_name: ['b'] },
    });
  });

  it('ends the statement at its semicolon', () => {
    expect(read(`SELECT * FROM aws.s3.buckets WHERE region = 'r' AND bucket_name = 'b';`)).toEqual({
      'aws.s3.buckets': { region: ['r'], bucket_name: ['b'] },
    });
  });

  it('pushes nothing out of an OR, a NOT, a comparison or a BETWEEN', () => {
    expect(read(`SELECT * FROM aws.s3.buckets WHERE region = 'r' OR bucket_name = 'b'`)).toEqual({
      'aws.s3.buckets': {},
    });
    expect(
      read(
        `SELECT * FROM aws.s3.buckets WHERE NOT bucket_name = 'b' AND n >= 'x' AND m BETWEEN 1 AND 2 AND region = 'r'`,
      ),
    ).toEqual({ 'aws.s3.buckets': { region: ['r'] } });
  });

  it('attributes unqualified equalities only to a table alone in its FROM, qualified ones by alias', () => {
    expect(
      read(
        `SELECT * FROM aws.ec2.vpcs v, aws.ec2.subnets s WHERE region = 'r' AND v.region = 'rv' AND s.region = 'rs'`,
      ),
    ).toEqual({ 'aws.ec2.vpcs': { region: ['rv'] }, 'aws.ec2.subnets': { region: ['rs'] } });
  });

  it('takes ON restrictions for the right side of inner and left joins, never of right or full joins', () => {
    expect(
      read(`SELECT * FROM aws.ec2.vpcs v LEFT JOIN aws.ec2.subnets s ON s.vpc_id = v.vpc_id AND s.region = 'r'
            RIGHT JOIN aws.ec2.route_tables t ON t.region = 'x' WHERE v.region = 'r'`),
    ).toEqual({
      'aws.ec2.vpcs': { region: ['r'] },
      'aws.ec2.subnets': { region: ['r'] },
      'aws.ec2.route_tables': {},
    });
  });

  it('ignores AND inside CASE and restrictions of the outer query on a derived table', () => {
    expect(
      read(`SELECT * FROM (SELECT * FROM aws.s3.buckets WHERE region = 'r') t
            WHERE bucket_name = 'b' AND CASE WHEN a = 'x' AND b = 'y' THEN 1 END = 1`),
    ).toEqual({ 'aws.s3.buckets': { region: ['r'] } });
  });
});
