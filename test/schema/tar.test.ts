import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/schema/build-registry.js';
import { readTarGz } from '../../src/schema/tar.js';

/** One tar member: a 512-byte ustar header, then the data padded to 512 bytes. */
function member(name: string, data: string, type = '0', prefix = ''): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100);
  header.write('0000644\0', 100);
  header.write(Buffer.byteLength(data).toString(8).padStart(11, '0') + '\0', 124);
  header.write(type, 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.write(prefix, 345, 155);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(data) / 512) * 512);
  body.write(data);
  return Buffer.concat([header, body]);
}

describe('tar reader', () => {
  it('reads regular files, ustar prefixes and pax long names, skipping directories', () => {
    const long = `schemas/${'x'.repeat(120)}.json`;
    const pax = `${String(long.length + 7 + 3)} path=${long}\n`; // "<len> path=<value>\n"
    const archive = Buffer.concat([
      member('schemas/', '', '5'),
      member('a.json', '{"a":1}', '0', 'schemas'),
      member('PaxHeader', pax, 'x'),
      member('ignored-short-name', 'long one'),
      member('b.txt', 'two'),
      Buffer.alloc(1024),
    ]);
    expect(readTarGz(gzipSync(archive)).map((e) => [e.name, e.data.toString()])).toEqual([
      ['schemas/a.json', '{"a":1}'],
      [long, 'long one'],
      ['b.txt', 'two'],
    ]);
  });

  it('reads the bundled registry snapshot', () => {
    const schemas = readSnapshot();
    expect(schemas).toHaveLength(1626);
    expect(schemas.find((s) => s.typeName === 'AWS::ApiGatewayV2::Integration')?.primaryIdentifier).toEqual([
      '/properties/ApiId',
      '/properties/IntegrationId',
    ]);
  });
});
