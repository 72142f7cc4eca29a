import { describe, expect, it } from 'vitest';
import { packService, unpackType } from '../../src/schema/service-file.js';
import type { TypeSchema } from '../../src/schema/types.js';

const type = (typeName: string, definitions: TypeSchema['definitions']): TypeSchema => ({
  typeName,
  stackqlName: typeName,
  primaryIdentifier: [],
  properties: {},
  readOnly: {},
  writeOnly: [],
  writeOnlyPaths: [],
  createOnlyPaths: [],
  handlers: [],
  definitions,
  parents: [],
  listRequires: [],
});

describe('service files', () => {
  it('store a definition several types share once, and give every type back whole', () => {
    const visual = { name: 'Visual', properties: { Title: { type: { kind: 'string' as const } } } };
    const a = type('AWS::Q::Dashboard', { Visual: visual, Own: { name: 'Own', properties: {} } });
    const b = type('AWS::Q::Analysis', { Visual: structuredClone(visual) });
    const file = packService({ [a.typeName]: a, [b.typeName]: b });
    expect(file.shared).toHaveLength(2);
    const roundTripped = JSON.parse(JSON.stringify(file)) as typeof file;
    expect(roundTripped.types['AWS::Q::Analysis']?.definitions).toEqual({ Visual: 0 });
    expect(unpackType(file, a.typeName)).toEqual(a);
    expect(unpackType(file, b.typeName)).toEqual(b);
    expect(unpackType(file, 'AWS::Q::Nope')).toBeUndefined();
  });
});
