/**
 * ClientToken semantics: a token names one request. Sending it again with the same request
 * (an SDK retry, say) gets that request's ProgressEvent back and does nothing twice; sending
 * it with a different request is a conflict.
 */
import { CloudControlError } from './cloud-error.js';
import type { CloudContext } from './context.js';
import { toProgressEvent } from './records.js';
import type { WireProgressEvent } from './types.js';

/** The replayed ProgressEvent, or undefined when the token is new (or absent). */
export function replayed(
  ctx: CloudContext,
  region: string,
  clientToken: string | undefined,
  fingerprint: string,
): WireProgressEvent | undefined {
  if (clientToken === undefined) return undefined;
  const original = ctx.state.byClientToken(region, clientToken);
  if (!original) return undefined;
  if (original.fingerprint !== fingerprint) {
    throw new CloudControlError(
      'ClientTokenConflictException',
      `The client token '${clientToken}' has already been used in another resource request (${original.requestToken}).`,
    );
  }
  return toProgressEvent(original);
}

export function fingerprintOf(...parts: (string | undefined)[]): string {
  return JSON.stringify(parts);
}
