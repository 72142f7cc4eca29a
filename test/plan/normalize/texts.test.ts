/** The small text rules: each says when two different texts are the same value. */
import { describe, expect, it } from 'vitest';
import { sameArnOrName } from '../../../src/plan/normalize/arn-name.js';
import { sameButCaseFolded } from '../../../src/plan/normalize/case-fold.js';
import { holdsIpProtocol, sameIpProtocol } from '../../../src/plan/normalize/ip-protocol.js';
import { sameDnsName } from '../../../src/plan/normalize/dns-name.js';
import { sameEnumValue } from '../../../src/plan/normalize/enum-case.js';
import { holdsHeaderNames, sameHeaderName } from '../../../src/plan/normalize/header-names.js';
import { canonicalIpv6, sameIpAddress } from '../../../src/plan/normalize/ip-address.js';
import { aliasResolvedToKey, isKmsAlias, isKmsKey } from '../../../src/plan/normalize/kms-alias.js';
import { sameSshPublicKey } from '../../../src/plan/normalize/ssh-public-key.js';
import { sameBarTrailingSpace } from '../../../src/plan/normalize/trailing-space.js';
import { holdsVersion, sameVersionFamily } from '../../../src/plan/normalize/version-prefix.js';

const FN_ARN = 'arn:aws:lambda:us-east-1:111111111111:function:my-fn';

describe('enumerated values', () => {
  it('ignore case, only for enumerated properties', () => {
    expect(sameEnumValue('ipv4', 'IPV4', ['ipv4', 'dualstack'])).toBe(true);
    expect(sameEnumValue('ipv4', 'IPV4', undefined)).toBe(false);
    expect(sameEnumValue('ipv4', 'ipv6', ['ipv4', 'ipv6'])).toBe(false);
  });
});

describe('names and ARNs', () => {
  it('a name equals the ARN ending with it, both ways round', () => {
    expect(sameArnOrName('my-fn', FN_ARN)).toBe(true);
    expect(sameArnOrName(FN_ARN, 'my-fn')).toBe(true);
    expect(sameArnOrName('my-role', 'arn:aws:iam::111111111111:role/path/my-role')).toBe(true);
  });

  it('but not another name, a part of one, or two ARNs', () => {
    expect(sameArnOrName('fn', FN_ARN)).toBe(false);
    expect(sameArnOrName('other', FN_ARN)).toBe(false);
    expect(sameArnOrName('', FN_ARN)).toBe(false);
    expect(sameArnOrName(FN_ARN, `${FN_ARN}2`)).toBe(false);
    expect(sameArnOrName('function:my-fn', FN_ARN)).toBe(false);
  });
});

describe('KMS aliases', () => {
  const key = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  it('an alias declared is not contradicted by the key read back', () => {
    expect(isKmsAlias('alias/aws/sqs')).toBe(true);
    expect(isKmsAlias('arn:aws:kms:us-east-1:111111111111:alias/mine')).toBe(true);
    expect(isKmsKey(key)).toBe(true);
    expect(isKmsKey('1234abcd-12ab-34cd-56ef-1234567890ab')).toBe(true);
    expect(isKmsKey('mrk-1234abcd12ab34cd56ef1234567890ab')).toBe(true);
    expect(aliasResolvedToKey('alias/aws/sqs', key)).toBe(true);
  });

  it('but a key is compared as a key, and an alias is not a random text', () => {
    expect(aliasResolvedToKey(key, 'alias/aws/sqs')).toBe(false);
    expect(aliasResolvedToKey('alias/aws/sqs', 'alias/other')).toBe(false);
    expect(aliasResolvedToKey('alias/aws/sqs', 'not-a-key')).toBe(false);
  });
});

describe('OpenSSH public keys', () => {
  const body = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJPRfhD3vb5rmS6P4rVU65OFl8aLIHppMwCNy0+r49tT';
  it('are the same key whatever the comment and line ending (from a real EC2 key pair read)', () => {
    expect(sameSshPublicKey(`${body} cdkrd-hunt`, `${body} cdkrd-hunt-keypair\n`)).toBe(true);
    expect(sameSshPublicKey(body, `${body} comment`)).toBe(true);
  });
  it('differ when the key data or type does', () => {
    expect(sameSshPublicKey(`${body} a`, `${body.slice(0, -2)}xx a`)).toBe(false);
    expect(sameSshPublicKey(body, body.replace('ssh-ed25519', 'ssh-rsa'))).toBe(false);
    expect(sameSshPublicKey('hello world', 'hello world x')).toBe(false);
  });
});

describe('HTTP header names', () => {
  it('ignore case in lists named …Headers', () => {
    expect(holdsHeaderNames('AllowHeaders')).toBe(true);
    expect(holdsHeaderNames('ExposedHeaders')).toBe(true);
    expect(holdsHeaderNames('AllowOrigins')).toBe(false);
    expect(holdsHeaderNames(undefined)).toBe(false);
    expect(sameHeaderName('Content-Type', 'content-type')).toBe(true);
    expect(sameHeaderName('Content-Type', 'content-length')).toBe(false);
  });
});

describe('IPv6 addresses', () => {
  it('compare by their bits, block or address', () => {
    expect(canonicalIpv6('2001:DB8:0:0::/32')).toBe('2001:db8:0:0:0:0:0:0/32');
    expect(sameIpAddress('2001:DB8::/32', '2001:db8::/32')).toBe(true);
    expect(sameIpAddress('2001:db8:0:0:0:0:0:1', '2001:db8::1')).toBe(true);
    expect(sameIpAddress('::/0', '0:0:0:0:0:0:0:0/0')).toBe(true);
  });
  it('differ in bits or prefix, and leave other texts alone', () => {
    expect(sameIpAddress('2001:db8::/32', '2001:db8::/48')).toBe(false);
    expect(sameIpAddress('2001:db8::1', '2001:db8::2')).toBe(false);
    expect(sameIpAddress('a:b', 'a:b:')).toBe(false);
    expect(sameIpAddress('10.0.0.0/16', '10.0.0.0/16')).toBe(false);
  });
});

describe('DNS names', () => {
  it('the final dot and case make no difference', () => {
    expect(sameDnsName('Example.com', 'example.com.')).toBe(true);
    expect(sameDnsName('*.api.example.com.', '*.API.example.com')).toBe(true);
  });
  it('only when one side is fully qualified', () => {
    expect(sameDnsName('Index.html', 'index.html')).toBe(false);
    expect(sameDnsName('example.com.', 'example.org')).toBe(false);
    expect(sameDnsName('Hello.', 'hello')).toBe(false);
  });
});

describe('engine versions', () => {
  it('a declared X.Y matches the patch release read back', () => {
    expect(holdsVersion('EngineVersion')).toBe(true);
    expect(holdsVersion('Engine')).toBe(false);
    expect(sameVersionFamily('8.0', '8.0.35')).toBe(true);
    expect(sameVersionFamily('7.1', '7.1.0')).toBe(true);
  });
  it('but not another minor, a shorter read, or a bare number', () => {
    expect(sameVersionFamily('8.0', '8.4.1')).toBe(false);
    expect(sameVersionFamily('8.0.35', '8.0')).toBe(false);
    expect(sameVersionFamily('1', '1.5')).toBe(false);
    expect(sameVersionFamily('8.0', '8.00')).toBe(false);
  });
});

describe('trailing white space', () => {
  it('makes no difference at the end only', () => {
    expect(sameBarTrailingSpace('line\n', 'line')).toBe(true);
    expect(sameBarTrailingSpace('a b', 'a  b')).toBe(false);
    expect(sameBarTrailingSpace(' a', 'a')).toBe(false);
    expect(sameBarTrailingSpace('a', 'a')).toBe(false);
  });
});

describe('case folded by the service', () => {
  it('a read that differs from the declared text only in letter case', () => {
    expect(sameButCaseFolded('MyDatabase', 'mydatabase')).toBe(true);
    expect(sameButCaseFolded('Single-AZ', 'SINGLE-AZ')).toBe(true);
    expect(sameButCaseFolded('prefix', 'Prefix')).toBe(true);
  });
  it('but not another text, nor the same one', () => {
    expect(sameButCaseFolded('MyDatabase', 'mydatabase2')).toBe(false);
    expect(sameButCaseFolded('same', 'same')).toBe(false);
    expect(sameButCaseFolded(1, '1')).toBe(false);
  });
});

describe('IP protocols', () => {
  it('by number or by name', () => {
    expect(holdsIpProtocol('IpProtocol')).toBe(true);
    expect(holdsIpProtocol('CidrIp')).toBe(false);
    expect(sameIpProtocol('6', 'tcp')).toBe(true);
    expect(sameIpProtocol(17, 'UDP')).toBe(true);
    expect(sameIpProtocol('-1', '-1')).toBe(true);
    expect(sameIpProtocol('6', 'udp')).toBe(false);
  });
});
