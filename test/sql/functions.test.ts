/** StackQL's SQL functions, as the stackql docs define them. */
import { describe, expect, it } from 'vitest';
import { awsPolicyEqual, jsonEqual, regexp, splitPart } from '../../src/sql/functions.js';

describe('JSON_EQUAL', () => {
  it('ignores key order and spacing but not array order', () => {
    expect(jsonEqual('{"a":1,"b":[1,2]}', '{ "b": [1, 2], "a": 1 }')).toBe(1);
    expect(jsonEqual('{"a":1,"b":[1,2]}', '{"a":1,"b":[2,1]}')).toBe(0);
    expect(jsonEqual('{"Status":"Enabled"}', '{"Status":"Suspended"}')).toBe(0);
    expect(jsonEqual(null, '{}')).toBeNull();
  });
});

describe('AWS_POLICY_EQUAL', () => {
  it('ignores the order of statements, actions and tags, and a one-element list versus its element', () => {
    const a = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get","s3:Put"],"Resource":"*"}]}';
    const b = '{"Statement":{"Resource":["*"],"Action":["s3:Put","s3:Get"],"Effect":"Allow"},"Version":"2012-10-17"}';
    expect(awsPolicyEqual(a, b)).toBe(1);
    expect(
      awsPolicyEqual(
        '[{"Key":"a","Value":"1"},{"Key":"b","Value":"2"}]',
        '[{"Value":"2","Key":"b"},{"Key":"a","Value":"1"}]',
      ),
    ).toBe(1);
    expect(awsPolicyEqual('[{"Key":"a","Value":"1"}]', '[{"Key":"a","Value":"2"}]')).toBe(0);
  });
});

describe('split_part', () => {
  it('counts from 1, answers empty beyond the end, and counts back from the end when negative', () => {
    expect(splitPart('arn:aws:ec2:us-east-1:1:vpc/vpc-1', '/', 2)).toBe('vpc-1');
    expect(splitPart('a/b', '/', 5)).toBe('');
    expect(splitPart('a/b/c', '/', -1)).toBe('c');
    expect(() => splitPart('a', '/', 0)).toThrow(/zero/);
  });
});

describe('REGEXP', () => {
  it('tests the pattern against the text', () => {
    expect(regexp('^vpc-', 'vpc-1')).toBe(1);
    expect(regexp('^vpc-', 'subnet-1')).toBe(0);
  });
});
