import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { parseEnvFile, parseVarAssignments } from '../../src/manifest/index.js';

function envFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-env-'));
  const file = path.join(dir, '.env');
  fs.writeFileSync(file, text);
  return file;
}

function thrown(action: () => unknown): DeployError {
  try {
    action();
  } catch (error) {
    if (DeployError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a DeployError');
}

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines, comments, export prefixes and quotes', () => {
    const file = envFile(
      [
        '# credentials',
        'AWS_REGION=us-east-1',
        '',
        'export STAGE = dev  ',
        'QUOTED="a # not a comment"',
        "SINGLE='a \\n $literal # too'",
        'ESCAPED="line1\\nline2\\t\\"q\\""',
        'TRAILING=value # a comment',
        'HASH=a#b',
        'EMPTY=',
        'EQUALS=a=b=c',
        'MULTI="first',
        'second"',
        'AWS_REGION=eu-west-1',
      ].join('\n'),
    );
    expect(parseEnvFile(file)).toEqual({
      AWS_REGION: 'eu-west-1',
      STAGE: 'dev',
      QUOTED: 'a # not a comment',
      SINGLE: 'a \\n $literal # too',
      ESCAPED: 'line1\nline2\t"q"',
      TRAILING: 'value',
      HASH: 'a#b',
      EMPTY: '',
      EQUALS: 'a=b=c',
      MULTI: 'first\nsecond',
    });
  });

  it('handles CRLF line endings', () => {
    expect(parseEnvFile(envFile('A=1\r\nB="2"\r\n'))).toEqual({ A: '1', B: '2' });
  });

  it('is an error when the file is missing', () => {
    const error = thrown(() => parseEnvFile(path.join(os.tmpdir(), 'no-such-dir-deploy', '.env')));
    expect(error.code).toBe('EnvFileNotFound');
    expect(error.location.file).toContain('.env');
    expect(error.hint).toContain('--env-file');
  });

  it('reports malformed lines with file and line', () => {
    const file = envFile('A=1\nthis is not an assignment\n');
    const error = thrown(() => parseEnvFile(file));
    expect(error.code).toBe('EnvFileSyntax');
    expect(error.location.line).toBe(2);
    expect(error.location.file).toContain('.env');
    expect(error.hint).toContain('KEY=VALUE');
    expect(thrown(() => parseEnvFile(envFile('A="open\nB=2\n'))).location.line).toBe(1);
    expect(thrown(() => parseEnvFile(envFile('1A=x\n'))).code).toBe('EnvFileSyntax');
    expect(thrown(() => parseEnvFile(envFile('A="x" y\n'))).message).toContain('after the quoted value');
  });
});

describe('parseVarAssignments', () => {
  it('parses KEY=VALUE items, later ones winning', () => {
    expect(parseVarAssignments(['A=1', 'B=x=y', 'C=', 'A=2', 'D=with spaces'])).toEqual({
      A: '2',
      B: 'x=y',
      C: '',
      D: 'with spaces',
    });
    expect(parseVarAssignments([])).toEqual({});
  });

  it('rejects items without = or with a bad name, with a hint', () => {
    for (const item of ['NOEQUALS', '=value', 'BAD-NAME=1', '1X=2']) {
      const error = thrown(() => parseVarAssignments([item]));
      expect(error.code).toBe('BadVarAssignment');
      expect(error.message).toContain(item);
      expect(error.hint).toContain('NAME=value');
    }
  });
});
