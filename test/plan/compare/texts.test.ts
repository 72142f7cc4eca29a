/** Text rules in context: which apply only against the read, and where they are found. */
import { describe, expect, it } from 'vitest';
import { matchesActual, valuesEqual, type RuleName } from '../../../src/plan/index.js';
import type { ValueType } from '../../../src/schema/index.js';
import { typeSchema } from '../normalize/schema.js';

const schema = typeSchema();
const text: ValueType = { kind: 'string' };
const key = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('texts spelled differently', () => {
  it('a name and its ARN, both modes', () => {
    const arn = 'arn:aws:lambda:us-east-1:111111111111:function:fn-1';
    expect(matchesActual('fn-1', arn, text, schema, undefined)).toBe(true);
    expect(valuesEqual('fn-1', arn, text, schema)).toBe(true);
  });

  it('a KMS alias against the key the read shows, only against the read', () => {
    const notes: RuleName[] = [];
    expect(matchesActual('alias/aws/sqs', key, text, schema, undefined, { notes })).toBe(true);
    expect(notes).toEqual(['kms-alias']);
    expect(valuesEqual('alias/aws/sqs', key, text, schema)).toBe(false);
  });

  it('but not an alias the user changed since the last apply', () => {
    expect(matchesActual('alias/aws/sqs', key, text, schema, 'alias/aws/sqs')).toBe(true);
    expect(matchesActual('alias/mine', key, text, schema, 'alias/aws/sqs')).toBe(false);
  });

  it('an engine version and its patch release, under a …Version member only', () => {
    expect(matchesActual('8.0', '8.0.35', text, schema, undefined, { path: ['EngineVersion'] })).toBe(true);
    expect(matchesActual('8.0', '8.0.35', text, schema, undefined, { path: ['Description'] })).toBe(false);
    expect(valuesEqual('8.0', '8.0.35', text, schema, { path: ['EngineVersion'] })).toBe(false);
  });

  it('header names in lists named …Headers, even between values the user wrote', () => {
    const list: ValueType = { kind: 'array', element: text };
    const path = ['CorsConfiguration', 'AllowHeaders'];
    expect(valuesEqual(['Content-Type'], ['CONTENT-type'], list, schema, { path })).toBe(true);
    expect(valuesEqual(['Content-Type'], ['CONTENT-type'], list, schema, { path: ['AllowOrigins'] })).toBe(false);
  });

  it('JSON text against an object, keys in any order', () => {
    expect(matchesActual({ a: 1, b: [2] }, '{"b":[2],"a":1}', { kind: 'json' }, schema, undefined)).toBe(true);
    expect(matchesActual('{"a":1}', '{ "a": 1 }', text, schema, undefined)).toBe(true);
  });

  it('a line break the service added, only against the read', () => {
    expect(matchesActual('body', 'body\n', text, schema, undefined)).toBe(true);
    expect(valuesEqual('body', 'body\n', text, schema)).toBe(false);
  });
});

describe('policies in context', () => {
  const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
  it('match in canonical form, text or parsed, whatever the schema type', () => {
    const read = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Resource: ['*'], Action: ['s3:GetObject'], Effect: 'Allow' }],
    });
    expect(matchesActual(doc, read, text, schema, undefined)).toBe(true);
    expect(matchesActual(doc, read, undefined, schema, undefined)).toBe(true);
  });

  it('are strict about meaning: an extra statement or condition the read has is a difference', () => {
    const extra = { ...doc, Statement: [...doc.Statement, { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] };
    expect(matchesActual(doc, extra, undefined, schema, undefined)).toBe(false);
    const conditioned = {
      ...doc,
      Statement: [{ ...doc.Statement[0], Condition: { Bool: { 'aws:SecureTransport': 'true' } } }],
    };
    expect(matchesActual(doc, conditioned, undefined, schema, undefined)).toBe(false);
  });

  it('but leave labels the service generated alone', () => {
    const labelled = { ...doc, Id: 'generated', Statement: [{ ...doc.Statement[0], Sid: 'Stmt1' }] };
    expect(matchesActual(doc, labelled, undefined, schema, undefined)).toBe(true);
    expect(valuesEqual(doc, labelled, undefined, schema)).toBe(false);
    const declaredSid = { ...doc, Statement: [{ ...doc.Statement[0], Sid: 'Mine' }] };
    expect(matchesActual(declaredSid, labelled, undefined, schema, undefined)).toBe(false);
  });
});

describe('texts the service rewrote', () => {
  it('folded to one case, only against the read', () => {
    expect(matchesActual('MyDb', 'mydb', text, schema, undefined)).toBe(true);
    expect(valuesEqual('MyDb', 'mydb', text, schema)).toBe(false);
  });

  it('an IP protocol by number, under a …Protocol member', () => {
    expect(matchesActual('6', 'tcp', text, schema, undefined, { path: ['Rules', '*', 'IpProtocol'] })).toBe(true);
    expect(matchesActual('6', 'tcp', text, schema, undefined, { path: ['Port'] })).toBe(false);
  });
});
