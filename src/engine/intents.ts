/**
 * Mutations under intents: the ledger records what is about to be sent before it is sent, and
 * closes the intent when the outcome is recorded. Ledger writes are retried, so a passing disk
 * hiccup loses nothing; one that lasts fails the resource, never silently.
 */
import { CloudError, type MutationOptions } from '../cloud/index.js';
import { DeployError } from '../errors/index.js';
import type { Intent, IntentRequest, Ledger } from '../state/index.js';

/** Waits before each retry of a failed ledger write. */
const WRITE_RETRIES_MS = [50, 250, 1000];

/** Runs a ledger write, retrying it when the disk refuses (LedgerWriteFailed). */
export async function persist<T>(write: () => T | Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const wait = WRITE_RETRIES_MS[attempt];
      if (!DeployError.is(error) || error.code !== 'LedgerWriteFailed' || wait === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Whether a failed request is known to have changed nothing (its intent can be closed). */
export function settledFailure(error: unknown): boolean {
  return !(error instanceof CloudError) || error.settled;
}

export interface SendOptions {
  /**
   * Send even when the intent cannot be recorded, without a client token. Rollback uses it: a
   * resource this run created must not stay behind because the disk is full.
   */
  bestEffort?: boolean;
  /** The intent, recorded ahead while the operation waited for its slot (intents-ahead.ts). */
  recorded?: Promise<Intent> | undefined;
}

/**
 * Records the intent, sends the request with the intent's client token, and notes Cloud
 * Control's request token once it is accepted. A request that failed for sure closes the
 * intent; one whose outcome is unknown (the connection broke) leaves it for the next run.
 */
export async function sendUnderIntent<T>(
  ledger: Ledger,
  request: IntentRequest,
  send: (options: MutationOptions) => Promise<T>,
  options: SendOptions = {},
): Promise<{ intent: Intent | undefined; result: T }> {
  let intent: Intent | undefined;
  try {
    intent = await (options.recorded ?? persist(() => ledger.intendAsync(request)));
  } catch (error) {
    if (options.bestEffort !== true) throw error;
  }
  const mutation: MutationOptions = {};
  if (intent !== undefined) {
    const recorded = intent;
    mutation.clientToken = recorded.clientToken;
    mutation.onAccepted = (requestToken) => {
      // Without it the next run re-sends the same request with the same token: still no duplicate.
      ledger.acceptedAsync(recorded, requestToken).catch(() => undefined);
    };
  }
  try {
    return { intent, result: await send(mutation) };
  } catch (error) {
    if (intent !== undefined && settledFailure(error)) await closeQuietly(ledger, intent);
    throw error;
  }
}

/** Closes an intent whose request changed nothing; if that cannot be written, the next run finds out itself. */
export async function closeQuietly(ledger: Ledger, intent: Intent): Promise<void> {
  try {
    await ledger.resolveAsync(intent);
  } catch {
    // The intent stays pending; the next run asks Cloud Control how it ended.
  }
}
