/** Where a resource lives and what it was called: rules the planner applies beside the diff. */
import { describe, expect, it } from 'vitest';
import { diff, type Row } from './fixtures.js';

const api = { Name: 'shop', ProtocolType: 'HTTP' };
const row: Row = { name: 'api', schema: 'api', desired: api, actual: { ...api, ApiId: 'a1' }, lastApplied: api };

describe('placement rules', () => {
  it('a new region is a replacement even when nothing else changed, with no patch', () => {
    const change = diff(row, { region: 'eu-west-1', previousRegion: 'us-east-1' });
    expect(change).toMatchObject({ action: 'replace', reason: 'region changed from us-east-1 to eu-west-1' });
    expect(change.patch).toBeUndefined();
  });

  it('the same region is no move', () => {
    expect(diff(row, { previousRegion: 'us-east-1' }).action).toBe('noop');
  });

  it('a recorded resource that is gone is re-created as drift, not as a first create', () => {
    expect(diff({ ...row, actual: undefined }, { deletedOutside: true })).toMatchObject({
      action: 'create',
      reason: 'deleted outside the engine',
      drift: true,
    });
    expect(diff({ ...row, actual: undefined }).reason).toBe('does not exist');
  });

  it('a rename says which name the resource had', () => {
    expect(diff(row, { renamedFrom: 'old_api' }).reason).toBe("up to date (was 'old_api')");
  });
});
