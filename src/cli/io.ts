/** The process surface a command uses, injected so tests can run the CLI in-process. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Exit codes: the contract CI pipelines depend on. */
export const EXIT = { ok: 0, error: 1, changes: 2, interrupted: 130 } as const;
