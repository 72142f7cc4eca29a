/**
 * What `deploy state …` commands work on: the stack's name (from its manifest) and
 * environment, and the state backend `--state` chooses, connected as plan and apply connect.
 */
import { resolve } from 'node:path';
import { loadManifest } from '../manifest/index.js';
import { chosenStateUrl, fileBackend, parseStateUrl, type StateTarget } from '../state/index.js';
import { connectCloud, type CloudChoice } from './cloud-setup.js';
import type { CliIO } from './io.js';
import { connectState, lockDefaults } from './state-setup.js';

export interface StateOptions extends CloudChoice {
  readonly stackDir: string;
  readonly env: string;
  readonly state: string | undefined;
  readonly lockTimeout: number;
}

export async function withStateTarget<T>(
  options: StateOptions,
  io: CliIO,
  body: (target: StateTarget) => Promise<T>,
): Promise<T> {
  const stackDir = resolve(io.cwd, options.stackDir);
  const manifest = loadManifest(stackDir);
  const stack = manifest.name;
  const url = chosenStateUrl(options.state, manifest.state);
  const lock = lockDefaults(options.lockTimeout, io.env);
  if (url === undefined) return body({ backend: fileBackend(stackDir, lock), stack, env: options.env });
  parseStateUrl(url); // a bad URL before anything starts
  const connected = await connectCloud(options, io, options.stackDir);
  const state = await connectState(url, stackDir, connected, lock);
  try {
    return await body({ backend: state.backend, stack, env: options.env });
  } finally {
    state.close();
    await connected.close();
  }
}
