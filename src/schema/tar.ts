/**
 * Just enough of tar (POSIX ustar, with the pax and GNU long-name extensions) to read the
 * bundled registry snapshot: regular files in order, with their names. Written here rather
 * than taken from npm because the whole need is ~60 lines and the build must stay offline.
 */
import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

function text(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
}

function octal(header: Buffer, offset: number, length: number): number {
  const value = text(header, offset, length).trim();
  return value === '' ? 0 : parseInt(value, 8);
}

/** `path` from a pax extended header (`<len> path=<value>\n` records); other keys do not matter here. */
function paxPath(data: Buffer): string | undefined {
  for (const record of data.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

/** Every regular file of an uncompressed tar archive. */
export function* tarEntries(archive: Buffer): Generator<TarEntry> {
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return; // end-of-archive marker
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const data = archive.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      longName = paxPath(data) ?? longName;
      continue;
    }
    if (type === 'L') {
      longName = text(data, 0, data.length);
      continue;
    }
    const prefix = text(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    longName = undefined;
    if (type === '0' || type === '\0') yield { name, data };
  }
}

/** Every regular file of a `.tar.gz`. */
export function readTarGz(gz: Buffer): TarEntry[] {
  return [...tarEntries(gunzipSync(gz))];
}
