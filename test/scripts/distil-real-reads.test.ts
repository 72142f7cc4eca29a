/**
 * The learner behind src/emulator/data/real-reads.json, on a made-up corpus: rules come from
 * what samples share, and doubtful samples teach nothing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distil, mergeParts, partsOf } from '../../scripts/distil-real-reads.mjs';

const WIDGET = 'AWS::EC2::Widget';
const schemas = [
  {
    typeName: WIDGET,
    primaryIdentifier: ['/properties/WidgetId'],
    readOnlyProperties: ['/properties/WidgetId', '/properties/Arn', '/properties/State', '/properties/Enabled'],
    properties: {
      WidgetId: { type: 'string' },
      Arn: { type: 'string' },
      State: { type: 'string' },
      Enabled: { type: 'string' },
      Name: { type: 'string' },
      Mode: { type: 'string' },
      Size: { type: 'integer', enum: [1, 2, 4] },
      Retention: { type: 'integer', enum: [1, 7] },
      Fifo: { type: 'boolean' },
      Scope: { type: 'string' },
      Note: { type: 'string' },
    },
  },
  { typeName: 'AWS::EC2::Gadget', primaryIdentifier: ['/properties/Id'], properties: { WidgetId: { type: 'string' } } },
];

const ids = ['0a1b2c3d4e5f60718', '09f8e7d6c5b4a3921', '0123456789abcdef0', '0fedcba9876543210', '0aaaabbbbcccc1234'];

function reading(i: number, declared: Record<string, unknown>, atDefault: Record<string, unknown>) {
  const id = `wdg-${ids[i] as string}`;
  return {
    resource: { resourceType: WIDGET, declared },
    liveRaw: {
      ...declared,
      ...atDefault,
      WidgetId: id,
      Arn: `arn:aws:ec2:us-east-1:111111111111:widget/${id}`,
      State: 'ready',
      Enabled: 'enabled',
    },
    opts: { accountId: '111111111111', region: 'us-east-1' },
    expected: Object.entries(atDefault).map(([path, actual]) => ({ tier: 'atDefault', path, actual })),
  };
}

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reads-'));
  mkdirSync(dir, { recursive: true });
  const cases = [
    reading(0, { Name: 'a', Fifo: true, Mode: 'enable', Note: 'n' }, { Size: 2, Scope: 'queue', Retention: 3 }),
    reading(1, { Name: 'b', Fifo: true, Note: 'n' }, { Size: 2, Scope: 'queue', Retention: 3 }),
    reading(2, { Name: 'c', Fifo: false }, { Size: 2, Note: 'a', Retention: 3 }),
    reading(3, { Name: 'd', Fifo: false, Note: 'n' }, { Size: 2, Mode: 'fast', Retention: 3 }),
    reading(4, { Name: 'e', Fifo: false, Note: 'n' }, { Size: 2, Retention: 3 }),
  ];
  cases.forEach((c, i) => writeFileSync(join(dir, `case${i}.json`), JSON.stringify(c)));
  return dir;
}

describe('distil-real-reads', () => {
  const learned = distil(corpus(), schemas);
  const widget = learned.types[WIDGET];

  it('learns an id as its shared prefix and a generator of the right class and length', () => {
    expect(widget?.attributes?.['WidgetId']).toBe('wdg-0${hex:16}');
  });

  it('learns an ARN as a template of the partition, region, account and other values', () => {
    expect(widget?.attributes?.['Arn']).toBe('arn:${Partition}:ec2:${Region}:${Account}:widget/${WidgetId}');
  });

  it('keeps constants, and finds a value only as a whole word ("enable" is not in "enabled")', () => {
    expect(widget?.attributes?.['State']).toBe('ready');
    expect(widget?.attributes?.['Enabled']).toBe('enabled');
  });

  it('learns defaults the samples agree on, some only under a condition', () => {
    expect(widget?.defaults?.['Size']).toEqual({ value: 2 });
    expect(widget?.defaults?.['Scope']).toEqual({ value: 'queue', when: { Fifo: true } });
  });

  it('distrusts a default the schema refuses, one seen too rarely, and a lone echo of a declared value', () => {
    expect(widget?.defaults).not.toHaveProperty('Retention'); // everywhere, but 3 is not in the enum
    expect(widget?.defaults).not.toHaveProperty('Mode'); // once among four that could show it, no condition
    expect(widget?.defaults).not.toHaveProperty('Note'); // its lone sample 'a' is a name some user typed
  });

  it("lends a type's id format to the other types of the service that hold it by name", () => {
    expect(learned.byName['EC2']?.['WidgetId']).toBe('wdg-0${hex:16}');
  });

  it('needs three samples before a shared prefix counts, and marks random-looking lone words', () => {
    const two = ['ab12cd34', 'ab98zx76'].map((w) => partsOf(w, {}));
    expect(mergeParts(two)).toBe('${alnum:8}');
    expect(mergeParts([partsOf('d-qqk9esqm0f.example', {})])).toBe('d-${alnum:10}.example');
    expect(mergeParts([partsOf('x-s3alias', {})])).toBe('x-s3alias');
  });
});
