/**
 * What `deploy state …` commands work on: the stack's name (from its manifest) and
 * environment, and the state backend `--state` chooses, connected as plan and apply connect.
 */
import { resolve } from 'node:path';
import { loadManifest } from '../manifest/index.js';
import { fileBackend, parseStateUrl, type StateTarget } from '../state/index.js';
import { connectCloud, type CloudChoice } from './cloud-setup.js';
import type { CliIO } from './io.js';
import { connectState } from './state-setup.js';

export interface StateOptions extends CloudChoice {
  readonly stackDir: string;
  readonly env: string;
  readonly state: string | undefined;
}

export async function withStateTarget<T>(
  options: StateOptions,
  io: CliIO,
  body: (target: StateTarget) => Promise<T>,
): Promise<T> {
  const stackDir = resolve(io.cwd, options.stackDir);
  const stack = loadManifest(stackDir).name;
  if (options.state === undefined || options.state === '') {
    return body({ backend: fileBackend(stackDir), stack, env: options.env });
  }
  parseStateUrl(options.state); // a bad URL before anything starts
  const connected = await connectCloud(options, io, options.stackDir);
  const state = await connectState(options.state, stackDir, connected.s3);
  try {
    return await body({ backend: state.backend, stack, env: options.env });
  } finally {
    state.close();
    await connected.close();
  }
}
