/** A hand-built TypeSchema: only what a rule under test looks at, the rest empty. */
import type { TypeSchema } from '../../../src/schema/index.js';

export function typeSchema(parts: Partial<TypeSchema> = {}): TypeSchema {
  return {
    typeName: 'Test::Service::Thing',
    stackqlName: 'test.service.things',
    primaryIdentifier: ['Id'],
    properties: {},
    readOnly: { Id: { kind: 'string' } },
    writeOnly: [],
    writeOnlyPaths: [],
    createOnlyPaths: [],
    handlers: ['create', 'read', 'update', 'delete', 'list'],
    definitions: {},
    parents: [],
    listRequires: [],
    ...parts,
  };
}
