/**
 * Distilling registry schemas (the JSON Schema dialect of CloudFormation resource providers)
 * into TypeSchemas, on small hand-written schemas that each exercise one rule.
 */
import { describe, expect, it } from 'vitest';
import type { CfnResourceSchema } from '../../src/schema/cfn-schema.js';
import { distilSchema } from '../../src/schema/distil.js';
import { linkParents } from '../../src/schema/parents.js';

function schema(overrides: Partial<CfnResourceSchema> & Pick<CfnResourceSchema, 'properties'>): CfnResourceSchema {
  return {
    typeName: 'AWS::Demo::Thing',
    primaryIdentifier: ['/properties/Id'],
    handlers: { create: {}, read: {}, update: {}, delete: {}, list: {} },
    ...overrides,
  };
}

describe('value types', () => {
  const distilled = distilSchema(
    schema({
      properties: {
        Name: { type: 'string' },
        Size: { type: 'integer', default: 5 },
        Ratio: { type: 'number' },
        Mode: { type: 'string', enum: ['A', 'B'] },
        Created: { type: 'string', format: 'date-time' },
        Flexible: { type: ['string', 'object'] },
        Caseless: { anyOf: [{ enum: ['NONE'] }, { pattern: '^[Nn][Oo][Nn][Ee]$' }] },
        Choice: { anyOf: [{ enum: ['X'] }, { enum: ['Y'] }] },
        Ids: { type: 'array', items: { type: 'string' }, insertionOrder: false },
        Steps: { type: 'array', items: { type: 'string' } },
        Tags: { type: 'array', items: { $ref: '#/definitions/Tag' }, insertionOrder: false },
        Labels: { type: 'object', patternProperties: { '^.+$': { type: 'string' } } },
        Document: { type: 'object' },
        Settings: { $ref: '#/definitions/Settings' },
        Inline: { type: 'object', properties: { Enabled: { type: 'boolean' } }, required: ['Enabled'] },
        Tree: { $ref: '#/definitions/Node' },
        Alias: { $ref: '#/definitions/NameList' },
        Both: { allOf: [{ type: 'string' }, { maxLength: 3 } as never] },
        Storage: {
          type: 'object',
          oneOf: [{ properties: { Efs: { type: 'string' } } }, { properties: { Fsx: { type: 'string' } } }],
        },
        Id: { type: 'string' },
      },
      definitions: {
        Tag: { type: 'object', properties: { Key: { type: 'string' }, Value: { type: 'string' } } },
        Settings: {
          type: 'object',
          properties: { Level: { type: 'integer', default: 1 }, Owner: { type: 'string' } },
          required: ['Owner'],
        },
        Node: { type: 'object', properties: { Children: { type: 'array', items: { $ref: '#/definitions/Node' } } } },
        NameList: { type: 'array', items: { type: 'string' } },
      },
      readOnlyProperties: ['/properties/Id'],
    }),
  );
  const type = (name: string): unknown => distilled.properties[name]?.type;

  it.each([
    ['Name', { kind: 'string' }],
    ['Size', { kind: 'integer' }],
    ['Ratio', { kind: 'number' }],
    ['Mode', { kind: 'string', allowed: ['A', 'B'] }],
    ['Created', { kind: 'date-time' }],
    ['Flexible', { kind: 'union', types: [{ kind: 'string' }, { kind: 'json' }] }],
    // Case-insensitive patterns accept more than the enum: no allowed list.
    ['Caseless', { kind: 'string' }],
    ['Choice', { kind: 'string', allowed: ['X', 'Y'] }],
    ['Ids', { kind: 'array', element: { kind: 'string' }, unordered: true }],
    ['Steps', { kind: 'array', element: { kind: 'string' } }],
    ['Tags', { kind: 'array', element: { kind: 'tag' }, unordered: true }],
    ['Labels', { kind: 'map', element: { kind: 'string' } }],
    ['Document', { kind: 'json' }],
    ['Settings', { kind: 'ref', ref: 'Settings' }],
    ['Inline', { kind: 'ref', ref: '$.Inline' }],
    ['Tree', { kind: 'ref', ref: 'Node' }],
    ['Alias', { kind: 'array', element: { kind: 'string' } }],
    ['Both', { kind: 'string' }],
    [
      'Storage',
      {
        kind: 'union',
        types: [
          { kind: 'ref', ref: '$.Storage|0' },
          { kind: 'ref', ref: '$.Storage|1' },
        ],
      },
    ],
  ])('%s', (name, expected) => {
    expect(type(name)).toEqual(expected);
  });

  it('keeps defaults and the required keys of definitions, recursive ones included', () => {
    expect(distilled.properties['Size']?.default).toBe(5);
    expect(distilled.definitions['Settings']).toEqual({
      name: 'Settings',
      properties: {
        Level: { type: { kind: 'integer' }, default: 1 },
        Owner: { type: { kind: 'string' }, required: true },
      },
    });
    expect(distilled.definitions['$.Inline']).toEqual({
      name: 'Inline',
      properties: { Enabled: { type: { kind: 'boolean' }, required: true } },
    });
    expect(distilled.definitions['Node']?.properties['Children']?.type).toEqual({
      kind: 'array',
      element: { kind: 'ref', ref: 'Node' },
    });
    // Only what is used: the Tag shape is a `tag`, not a definition.
    expect(Object.keys(distilled.definitions).sort()).toEqual([
      '$.Inline',
      '$.Storage|0',
      '$.Storage|1',
      'Node',
      'Settings',
    ]);
  });
});

describe('property facts', () => {
  const distilled = distilSchema(
    schema({
      typeName: 'AWS::Demo::Child',
      properties: {
        ParentId: {
          type: 'string',
          relationshipRef: { typeName: 'AWS::Demo::Parent', propertyPath: '/properties/Id' },
        },
        Name: { type: 'string' },
        Secret: { type: 'string' },
        Config: {
          type: 'object',
          properties: { Password: { type: 'string' }, Zone: { type: 'string' }, Status: { type: 'string' } },
        },
        Key: { type: 'string' },
        ChildId: { type: 'string' },
        Arn: { type: 'string' },
        Tags: { type: 'object', patternProperties: { '.*': { type: 'string' } } },
      },
      required: ['ParentId', 'Name'],
      primaryIdentifier: ['/properties/ParentId', '/properties/ChildId'],
      createOnlyProperties: ['/properties/ParentId', '/properties/Config/Zone', '/properties/Key'],
      readOnlyProperties: ['/properties/ChildId', '/properties/Arn', '/properties/Config/Status', '/properties/Key'],
      writeOnlyProperties: ['/properties/Secret', '/properties/Config/Password'],
      handlers: { create: {}, read: {}, delete: {}, list: { handlerSchema: { required: ['ParentId'] } } },
      tagging: { taggable: true, tagProperty: '/properties/Tags' },
    }),
    { refs: { Name: [{ type: 'AWS::Demo::Other', property: 'Name' }] }, arnTemplate: 'arn:${Partition}:demo' },
  );

  it('splits top-level and nested pointers', () => {
    expect(distilled.primaryIdentifier).toEqual(['ParentId', 'ChildId']);
    expect(distilled.properties['ParentId']).toMatchObject({ required: true, createOnly: true });
    expect(distilled.createOnlyPaths).toEqual([['Config', 'Zone']]);
    expect(distilled.writeOnly).toEqual(['Secret']);
    expect(distilled.writeOnlyPaths).toEqual([['Config', 'Password']]);
    expect(Object.keys(distilled.readOnly)).toEqual(['ChildId', 'Arn']);
    expect(distilled.properties).not.toHaveProperty('ChildId');
  });

  it('keeps a nested read-only key in its object: reads return it', () => {
    expect(distilled.definitions['$.Config']?.properties).toHaveProperty('Status');
  });

  it('treats a property both read-only and create-only as settable on create', () => {
    expect(distilled.properties['Key']?.createOnly).toBe(true);
    expect(distilled.readOnly).not.toHaveProperty('Key');
  });

  it('takes handlers, list keys, the tag property and the extras', () => {
    expect(distilled.handlers).toEqual(['create', 'read', 'delete', 'list']);
    expect(distilled.listRequires).toEqual(['ParentId']);
    expect(distilled.tagProperty).toBe('Tags');
    expect(distilled.arnTemplate).toBe('arn:${Partition}:demo');
    expect(distilled.properties['ParentId']?.refs).toEqual([{ type: 'AWS::Demo::Parent', property: 'Id' }]);
    expect(distilled.properties['Name']?.refs).toEqual([{ type: 'AWS::Demo::Other', property: 'Name' }]);
  });

  it('has no tag property when the type is not taggable, and Tags by default', () => {
    const base = { properties: { Id: { type: 'string' }, Tags: { type: 'object' } } } as const;
    expect(distilSchema(schema({ ...base, tagging: { taggable: false } })).tagProperty).toBeUndefined();
    expect(distilSchema(schema({ ...base })).tagProperty).toBe('Tags');
  });

  it('has no handlers for a legacy type', () => {
    expect(distilSchema(schema({ properties: { Id: { type: 'string' } }, handlers: undefined })).handlers).toEqual([]);
  });
});

describe('parents', () => {
  const api = distilSchema(
    schema({
      typeName: 'AWS::Demo::Api',
      properties: { ApiId: { type: 'string' } },
      primaryIdentifier: ['/properties/ApiId'],
      readOnlyProperties: ['/properties/ApiId'],
    }),
  );
  const route = distilSchema(
    schema({
      typeName: 'AWS::Demo::Route',
      properties: { ApiId: { type: 'string' }, RouteId: { type: 'string' } },
      required: ['ApiId'],
      primaryIdentifier: ['/properties/ApiId', '/properties/RouteId'],
      createOnlyProperties: ['/properties/ApiId'],
      readOnlyProperties: ['/properties/RouteId'],
    }),
  );
  const response = distilSchema(
    schema({
      typeName: 'AWS::Demo::RouteResponse',
      properties: { ApiId: { type: 'string' }, RouteId: { type: 'string' }, ResponseId: { type: 'string' } },
      required: ['ApiId', 'RouteId'],
      primaryIdentifier: ['/properties/ApiId', '/properties/RouteId', '/properties/ResponseId'],
      createOnlyProperties: ['/properties/ApiId', '/properties/RouteId'],
      readOnlyProperties: ['/properties/ResponseId'],
    }),
  );
  linkParents([api, route, response]);

  it('links identifier parts to the type of the same service that mints them', () => {
    expect(api.parents).toEqual([]);
    expect(route.parents).toEqual([{ property: 'ApiId', targets: [{ type: 'AWS::Demo::Api', property: 'ApiId' }] }]);
    expect(response.parents.map((p) => [p.property, p.targets[0]?.type])).toEqual([
      ['ApiId', 'AWS::Demo::Api'],
      ['RouteId', 'AWS::Demo::Route'],
    ]);
  });
});
