import { describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { chosenStateUrl, parseStateUrl } from '../../src/state/index.js';

function messageOf(url: string): string {
  try {
    parseStateUrl(url);
  } catch (error) {
    if (DeployError.is(error)) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('where state lives', () => {
  it('--state (or DEPLOY_STATE) wins over the manifest; file means the stack directory', () => {
    expect(chosenStateUrl(undefined, undefined)).toBeUndefined();
    expect(chosenStateUrl(undefined, 's3://team/m')).toBe('s3://team/m');
    expect(chosenStateUrl('s3://team/flag', 's3://team/m')).toBe('s3://team/flag');
    expect(chosenStateUrl('file', 's3://team/m')).toBeUndefined();
    expect(chosenStateUrl('', 's3://team/m')).toBe('s3://team/m');
  });

  it('splits bucket and prefix, and says what is wrong with a bad location', () => {
    expect(parseStateUrl('s3://team-state/a/b/')).toEqual({ bucket: 'team-state', prefix: 'a/b' });
    expect(parseStateUrl('s3://team-state')).toEqual({ bucket: 'team-state', prefix: '' });
    expect(messageOf('gs://team/x')).toBe('The state location gs://team/x is neither an s3:// URL nor "file"');
    expect(messageOf('s3://Team_State/x')).toContain('names "Team_State", which is not a valid S3 bucket name');
  });
});
