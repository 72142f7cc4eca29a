/**
 * Which process space this process lives in: the machine's boot and its pid namespace. Two
 * containers can share a host name (`--network host`) yet not see each other's processes, so a
 * lock holder's pid is only worth checking from the same process space. Undefined off Linux.
 */
import { readFileSync, readlinkSync } from 'node:fs';

let cached: string | null | undefined;

export function processSpace(): string | undefined {
  if (cached === undefined) {
    try {
      const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      cached = `${boot}/${readlinkSync('/proc/self/ns/pid')}`;
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}
