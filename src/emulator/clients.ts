/**
 * Runs that use a local cloud another `--local` run started in-process register here
 * (`<data>/clients/<pid>`), so the run that started it keeps serving until they are done
 * instead of pulling the cloud from under them when its own work ends.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './lock.js';

const CLIENTS = 'clients';

/** Registers this process as a user of the cloud serving `dataDir`; returns the unregistration. */
export function registerClient(dataDir: string): () => void {
  const dir = join(dataDir, CLIENTS);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, String(process.pid));
  writeFileSync(file, new Date().toISOString(), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

/** Pids of other live processes registered as users (entries of dead ones are removed). */
export function liveClients(dataDir: string): number[] {
  const dir = join(dataDir, CLIENTS);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (isAlive(pid)) live.push(pid);
    else rmSync(join(dir, name), { force: true });
  }
  return live;
}

/** Resolves once no other live process uses the cloud, checking every `everyMs`. */
export async function clientsGone(dataDir: string, onWait: (pids: number[]) => void, everyMs = 200): Promise<void> {
  let told = false;
  for (;;) {
    const pids = liveClients(dataDir);
    if (pids.length === 0) return;
    if (!told) onWait(pids);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
