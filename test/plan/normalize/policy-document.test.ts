import { describe, expect, it } from 'vitest';
import { canonicalPolicy, isPolicyDocument } from '../../../src/plan/normalize/policy-document.js';

const canon = (doc: unknown): string => JSON.stringify(canonicalPolicy(doc));

describe('IAM policy documents', () => {
  it('are recognised by shape, parsed or as text', () => {
    expect(isPolicyDocument({ Statement: [{ Effect: 'Allow' }] })).toBe(true);
    expect(isPolicyDocument({ Statement: { Effect: 'Allow' } })).toBe(true);
    expect(isPolicyDocument('{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}')).toBe(true);
    expect(isPolicyDocument({ Statement: 'x' })).toBe(false);
    expect(isPolicyDocument({ Statements: [] })).toBe(false);
    expect(isPolicyDocument('Statement')).toBe(false);
  });

  it('read a single value as a one-element set, in any order (from a real trust policy read)', () => {
    const declared = {
      Version: '2012-10-17',
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
    };
    const read = {
      Version: '2012-10-17',
      Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] } }],
    };
    expect(canon(declared)).toBe(canon(read));
    expect(canon({ Statement: [{ Effect: 'Allow', Action: ['b:X', 'a:Y'] }] })).toBe(
      canon({ Statement: [{ Effect: 'Allow', Action: ['a:Y', 'b:X', 'a:Y'] }] }),
    );
  });

  it('ignore statement order and a lone statement object', () => {
    const one = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
    const two = { Effect: 'Deny', Action: 's3:PutObject', Resource: '*' };
    expect(canon({ Version: '2012-10-17', Statement: [one, two] })).toBe(
      canon({ Version: '2012-10-17', Statement: [two, one] }),
    );
    expect(canon({ Version: '2012-10-17', Statement: one })).toBe(canon({ Version: '2012-10-17', Statement: [one] }));
  });

  it('read an account and its root ARN as the same principal, and * as every AWS principal', () => {
    const withId = { Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sqs:SendMessage' }] };
    const withRoot = {
      Statement: [
        { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:root'] }, Action: 'sqs:SendMessage' },
      ],
    };
    expect(canon(withId)).toBe(canon(withRoot));
    expect(canon({ Statement: [{ Effect: 'Allow', Principal: '*' }] })).toBe(
      canon({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' } }] }),
    );
    const role = { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/x' } }] };
    expect(canon(role)).not.toBe(canon(withId));
  });

  it('compare action names and condition keys case-insensitively, condition values as sets of text', () => {
    expect(canon({ Statement: [{ Effect: 'Allow', Action: 'IAM:ListAccessKeys' }] })).toBe(
      canon({ Statement: [{ Effect: 'Allow', Action: 'iam:listaccesskeys' }] }),
    );
    expect(canon({ Statement: [{ Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': false } } }] })).toBe(
      canon({ Statement: [{ Effect: 'Allow', Condition: { Bool: { 'aws:securetransport': ['false'] } } }] }),
    );
  });

  it('default the Version and drop an empty Sid', () => {
    expect(canon({ Statement: [{ Sid: '', Effect: 'Allow' }] })).toBe(
      canon({ Version: '2008-10-17', Statement: [{ Effect: 'Allow' }] }),
    );
    expect(canon({ Statement: [{ Effect: 'Allow' }] })).not.toBe(
      canon({ Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] }),
    );
  });

  it('keep what changes meaning', () => {
    expect(canon({ Statement: [{ Effect: 'Allow', Resource: 'a' }] })).not.toBe(
      canon({ Statement: [{ Effect: 'Allow', Resource: ['a', 'b'] }] }),
    );
    expect(canon({ Statement: [{ Effect: 'Allow', Resource: 'a' }] })).not.toBe(
      canon({ Statement: [{ Effect: 'Deny', Resource: 'a' }] }),
    );
    expect(canonicalPolicy('not a policy')).toBe('not a policy');
  });
});
