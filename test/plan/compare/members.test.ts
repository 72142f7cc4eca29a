/** Object members against the read: undeclared, default, off, write-only and create-only members. */
import { describe, expect, it } from 'vitest';
import { matchesAbsent, matchesActual, valuesEqual } from '../../../src/plan/index.js';
import type { ValueType } from '../../../src/schema/index.js';
import { typeSchema } from '../normalize/schema.js';

const schema = typeSchema({
  writeOnlyPaths: [['Code', 'S3Key']],
  createOnlyPaths: [['Config', 'Engine']],
  tagProperty: 'Tags',
  definitions: {
    Config: {
      name: 'Config',
      properties: {
        Engine: { type: { kind: 'string' } },
        Mode: { type: { kind: 'string', allowed: ['ON', 'OFF'] }, default: 'OFF' },
        Enabled: { type: { kind: 'boolean' } },
        Size: { type: { kind: 'integer' } },
        Vars: { type: { kind: 'map', element: { kind: 'string' } } },
      },
    },
    Code: {
      name: 'Code',
      properties: { S3Bucket: { type: { kind: 'string' } }, S3Key: { type: { kind: 'string' } } },
    },
  },
});
const config: ValueType = { kind: 'ref', ref: 'Config' };
const code: ValueType = { kind: 'ref', ref: 'Code' };
const vars: ValueType = { kind: 'map', element: { kind: 'string' } };

describe('members against the read', () => {
  it('ignore what only the read has, unless we set it and the manifest dropped it', () => {
    const read = { Size: 8, Enabled: true };
    expect(matchesActual({ Size: 8 }, read, config, schema, undefined, { path: ['Config'] })).toBe(true);
    expect(matchesActual({ Size: 8 }, read, config, schema, { Size: 8 }, { path: ['Config'] })).toBe(true);
    expect(matchesActual({ Size: 8 }, read, config, schema, { Size: 8, Enabled: true }, { path: ['Config'] })).toBe(
      false,
    );
  });

  it('take a dropped member the read shows off or at its default as gone', () => {
    const prior = { Size: 8, Enabled: false, Mode: 'ON' };
    expect(matchesActual({ Size: 8 }, { Size: 8, Enabled: false, Mode: 'OFF' }, config, schema, prior)).toBe(true);
    expect(matchesActual({ Size: 8 }, { Size: 8, Mode: 'ON' }, config, schema, prior)).toBe(false);
  });

  it('match a declared default, off or empty member the read leaves out', () => {
    expect(matchesActual({ Size: 8, Mode: 'OFF' }, { Size: 8 }, config, schema, undefined)).toBe(true);
    expect(matchesActual({ Size: 8, Mode: 'ON' }, { Size: 8 }, config, schema, undefined)).toBe(false);
    expect(matchesActual({ Size: 8, Enabled: false, Vars: {} }, { Size: 8 }, config, schema, undefined)).toBe(true);
    expect(matchesActual({ Size: 8, Enabled: true }, { Size: 8 }, config, schema, undefined)).toBe(false);
  });

  it('compare enumerated members case-insensitively', () => {
    expect(matchesActual({ Mode: 'on' }, { Mode: 'ON' }, config, schema, undefined)).toBe(true);
    expect(valuesEqual({ Mode: 'on' }, { Mode: 'ON' }, config, schema)).toBe(true);
  });

  it('never compare a write-only member with the read', () => {
    const declared = { S3Bucket: 'b', S3Key: 'k.zip' };
    expect(matchesActual(declared, { S3Bucket: 'b' }, code, schema, undefined, { path: ['Code'] })).toBe(true);
    expect(matchesActual(declared, { S3Bucket: 'c' }, code, schema, undefined, { path: ['Code'] })).toBe(false);
    // Strictly (against lastApplied) it counts.
    expect(valuesEqual(declared, { S3Bucket: 'b', S3Key: 'other.zip' }, code, schema, { path: ['Code'] })).toBe(false);
  });

  it('excuse a create-only member the read does not report: it cannot have been removed', () => {
    expect(matchesActual({ Engine: 'x', Size: 8 }, { Size: 8 }, config, schema, undefined, { path: ['Config'] })).toBe(
      true,
    );
    expect(matchesActual({ Engine: 'x' }, { Engine: 'y' }, config, schema, undefined, { path: ['Config'] })).toBe(
      false,
    );
  });
});

describe('map entries are data', () => {
  it('a declared entry must be there, whatever its value', () => {
    expect(matchesActual({ A: '' }, {}, vars, schema, undefined)).toBe(false);
    expect(matchesActual({ A: '1' }, { A: '1', B: '2' }, vars, schema, undefined)).toBe(true);
    expect(matchesActual({ A: '1' }, { A: '1', B: '' }, vars, schema, { A: '1', B: '' })).toBe(false);
  });
});

describe('tags as a map', () => {
  const tags: ValueType = { kind: 'map', element: { kind: 'string' } };
  it('leave out reserved aws: tags, even ones a ledger would call ours', () => {
    const read = { 'aws:cloudformation:stack-name': 'S', team: 'a' };
    expect(matchesActual({ team: 'a' }, read, tags, schema, { team: 'a' }, { path: ['Tags'] })).toBe(true);
    expect(valuesEqual({ team: 'a' }, read, tags, schema, { path: ['Tags'] })).toBe(true);
  });
});

describe('a declared value against a read without it', () => {
  it('matches when it says off, default, empty or only write-only things', () => {
    expect(matchesAbsent({ SSEEnabled: false }, undefined, schema, undefined)).toBe(true);
    expect(matchesAbsent(false, { kind: 'boolean' }, schema, undefined)).toBe(true);
    expect(matchesAbsent(false, { kind: 'boolean' }, schema, true)).toBe(false);
    expect(matchesAbsent({ S3Key: 'k' }, code, schema, undefined, { path: ['Code'] })).toBe(true);
    expect(matchesAbsent({ S3Bucket: 'b' }, code, schema, undefined, { path: ['Code'] })).toBe(false);
    expect(matchesAbsent([{ Key: 'team', Value: '' }], undefined, schema, undefined, { path: ['Tags'] })).toBe(false);
    expect(matchesAbsent([], undefined, schema, undefined, { path: ['Tags'] })).toBe(true);
  });
});
