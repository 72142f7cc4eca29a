/**
 * Nested write-only and create-only paths, through diffResource: what is compared with the read,
 * what only with lastApplied, what forces a replacement and what the patch re-sends.
 */
import { describe, expect, it } from 'vitest';
import { diffResource, type DiffInput, type RuleName } from '../../src/plan/index.js';
import type { TypeSchema } from '../../src/schema/index.js';
import { typeSchema } from './normalize/schema.js';

const schema: TypeSchema = typeSchema({
  properties: {
    Name: { type: { kind: 'string' }, createOnly: true },
    KeyMaterial: { type: { kind: 'string' }, createOnly: true },
    Memory: { type: { kind: 'integer' } },
    Code: { type: { kind: 'ref', ref: 'Code' } },
    Replicas: { type: { kind: 'array', element: { kind: 'ref', ref: 'Replica' }, unordered: true } },
  },
  writeOnlyPaths: [
    ['Code', 'S3Key'],
    ['Code', 'ZipFile'],
  ],
  createOnlyPaths: [['Replicas', '*', 'Region']],
  definitions: {
    Code: {
      name: 'Code',
      properties: {
        S3Bucket: { type: { kind: 'string' } },
        S3Key: { type: { kind: 'string' } },
        ZipFile: { type: { kind: 'string' } },
      },
    },
    Replica: {
      name: 'Replica',
      properties: { Region: { type: { kind: 'string' } }, Class: { type: { kind: 'string' } } },
    },
  },
});

const desired = { Name: 'fn', Memory: 128, Code: { S3Bucket: 'b', S3Key: 'v1.zip' } };
/** A real read: the code location's key is write-only, so only the bucket comes back. */
const read = { Id: 'fn', Name: 'fn', Memory: 128, Code: { S3Bucket: 'b' } };

function diff(parts: Partial<DiffInput>) {
  return diffResource({ resource: 'r', schema, region: 'us-east-1', desired, actual: read, ...parts });
}

describe('nested write-only members', () => {
  it('are not compared with the read; without a ledger the reason says so', () => {
    const change = diff({});
    expect(change.action).toBe('noop');
    expect(change.reason).toBe('up to date (write-only Code not compared: no record of the last apply)');
    expect(diff({ lastApplied: desired })).toMatchObject({ action: 'noop', reason: 'up to date' });
  });

  it('are compared with lastApplied: an edit is a change', () => {
    const edited = { ...desired, Code: { S3Bucket: 'b', S3Key: 'v2.zip' } };
    const change = diff({ desired: edited, lastApplied: desired });
    expect(change.action).toBe('update');
    expect(change.changes).toEqual([{ path: '/Code', kind: 'change', before: desired.Code, after: edited.Code }]);
    expect(change.patch).toEqual([{ op: 'replace', path: '/Code', value: edited.Code }]);
  });

  it('are re-sent with any update, since the read (the patch target) lacks them', () => {
    const change = diff({ desired: { ...desired, Memory: 256 }, lastApplied: desired });
    expect(change.patch).toEqual([
      { op: 'replace', path: '/Memory', value: 256 },
      { op: 'add', path: '/Code', value: desired.Code },
    ]);
  });

  it('still count where the read can show them', () => {
    const change = diff({ actual: { ...read, Code: { S3Bucket: 'other' } }, lastApplied: desired });
    expect(change).toMatchObject({ action: 'update', drift: true });
  });
});

describe('create-only values', () => {
  const replicas = [{ Region: 'us-east-1', Class: 'STANDARD' }];
  const withReplicas = { ...desired, Replicas: replicas };
  const readReplicas = { ...read, Replicas: [{ Region: 'us-east-1', Class: 'STANDARD', Extra: 1 }] };

  it('a nested create-only path forces a replacement only when its declared value changed', () => {
    const classChanged = [{ Region: 'us-east-1', Class: 'INFREQUENT' }];
    const update = diff({ desired: { ...desired, Replicas: classChanged }, actual: readReplicas });
    expect(update.action).toBe('update');
    const moved = [{ Region: 'eu-west-1', Class: 'STANDARD' }];
    const replace = diff({ desired: { ...desired, Replicas: moved }, actual: readReplicas });
    expect(replace).toMatchObject({ action: 'replace', reason: 'Replicas.*.Region is create-only' });
    expect(diff({ desired: withReplicas, actual: readReplicas }).action).toBe('noop');
  });

  it('a create-only value the read leaves out is compared with lastApplied only', () => {
    const keyed = { ...desired, KeyMaterial: 'ssh-ed25519 AAAA' };
    const noLedger = diff({ desired: keyed });
    expect(noLedger).toMatchObject({
      action: 'noop',
      reason:
        'up to date (write-only Code and create-only KeyMaterial (not read back) not compared: no record of the last apply)',
    });
    expect(diff({ desired: keyed, lastApplied: keyed }).action).toBe('noop');
    const added = diff({ desired: keyed, lastApplied: desired });
    expect(added).toMatchObject({ action: 'replace', reason: 'KeyMaterial is create-only' });
  });

  it('a create-only value read back different is a replacement, drift or edit', () => {
    const change = diff({ actual: { ...read, Name: 'other' }, lastApplied: desired });
    expect(change).toMatchObject({ action: 'replace', drift: true });
  });
});

describe('tracing the rules', () => {
  it('tells which rules made each unchanged property unchanged', () => {
    const traced: [string, RuleName[]][] = [];
    diffResource({
      resource: 'r',
      schema,
      region: 'us-east-1',
      desired: { ...desired, Memory: '128' },
      actual: read,
      trace: (property, rules) => traced.push([property, rules]),
    });
    expect(traced).toEqual([
      ['Memory', ['scalar-type']],
      ['Code', ['write-only']],
    ]);
  });
});
