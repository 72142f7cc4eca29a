export interface CliRun {
  code: number | null;
  /** Ended by the SIGKILL this script sent. */
  killed: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface ChaosResult {
  kills: number;
  apply: number;
  teardown: number;
  duplicates: number;
  orphans: number;
  stale: number;
  manualUnlocks: number;
  failedReruns: number;
  recoveries: number;
  seconds: number;
  seed: number;
}

/** Runs bin/deploy.js with `args`; `kill`: kill -9 it `afterMs`, or `delayMs` after its output matches `when`. */
export function deploy(
  args: string[],
  kill?: { afterMs: number } | { when: RegExp; delayMs?: number },
): Promise<CliRun>;
/** `deploy local-cloud` in its own process, listening on a free port. */
export function startCloud(dataDir: string, latency: string): Promise<{ url: string; stop: () => Promise<void> }>;
export function chaos(options?: {
  kills?: number;
  latency?: string;
  seed?: number;
  log?: (line: string) => void;
}): Promise<ChaosResult>;
