/**
 * Resolving the intents a killed run left pending, before anything is planned. For each, ask
 * Cloud Control how its request ended (GetResourceRequestStatus, waiting while it runs), or,
 * when the request token was never recorded or has expired, send the same request again with
 * the same client token: Cloud Control then returns the original request instead of acting
 * twice. What succeeded is recorded (a create is adopted, a delete forgotten), what failed is
 * closed, and each outcome is reported as a warning. A plan resolves read-only: it asks, and
 * records nothing; what only a re-send could settle is left to apply, and the plan says so.
 */
import { CloudError, type CloudControlPort } from '../cloud/index.js';
import { eventTime, type EventSink } from '../events/index.js';
import type { PatchOperation } from '../plan/index.js';
import { ledgerEntry, type Intent, type Ledger } from '../state/index.js';
import type { SchemaRegistry } from '../schema/index.js';
import { collectSecrets, resourceColumns, type Stack } from '../stack/index.js';
import { persist, settledFailure } from './intents.js';
import { exportedValues } from './record.js';

export interface RecoverContext {
  stack: Stack;
  registry: SchemaRegistry;
  cloud: CloudControlPort;
  ledger: Ledger;
  sink: EventSink;
}

type Outcome =
  | { ended: 'succeeded'; identifier: string }
  | { ended: 'failed'; why: string }
  | { ended: 'unknown' }
  | { ended: 'forgotten' };

/**
 * Cloud Control remembers a client token for 36 hours: re-sending an older intent's request
 * could act twice, so it is not re-sent.
 */
const TOKEN_MEMORY_MS = 36 * 3600 * 1000;

/** Resolves every pending intent; `resend` false (plan) only asks and records in memory. */
export async function resolvePending(ctx: RecoverContext, resend: boolean): Promise<void> {
  await Promise.all(ctx.ledger.pending().map((intent) => resolveOne(ctx, intent, resend)));
}

async function resolveOne(ctx: RecoverContext, intent: Intent, resend: boolean): Promise<void> {
  const { ledger } = ctx;
  const outcome = await howItEnded(ctx.cloud, intent, resend);
  const what = `${intent.type} ${intent.identifier ?? ''}`.trim();
  const warn = (message: string): void =>
    ctx.sink.emit({ type: 'warning', time: eventTime(), resource: intent.resource, message });
  if (outcome.ended === 'unknown') {
    warn(
      `an interrupted run was sending a ${intent.operation} of ${what} and its outcome is not known yet; ` +
        'apply sends it again with the same client token, so it is carried out once at most, and adopted',
    );
    return;
  }
  if (outcome.ended === 'forgotten') {
    await persist(() => ledger.resolveAsync(intent));
    warn(
      `an interrupted run was sending a ${intent.operation} of ${what} on ${intent.createdAt}; Cloud Control no longer ` +
        `remembers it, so its outcome cannot be known. Check for ${intent.type} resources the ledger does not list`,
    );
    return;
  }
  if (outcome.ended === 'failed') {
    await persist(() => ledger.resolveAsync(intent));
    warn(`the ${intent.operation} an interrupted run sent failed (${outcome.why}); nothing to record`);
    return;
  }
  if (intent.operation === 'delete') {
    const entry = ledger.get(intent.resource);
    await persist(() =>
      entry?.identifier === intent.identifier
        ? ledger.removeAsync(intent.resource, intent)
        : ledger.resolveAsync(intent),
    );
    warn(`recorded the delete of ${what}, which an interrupted run made`);
    return;
  }
  // Created or updated: record it as it is now, if it still exists.
  const state = await ctx.cloud.getResource(intent.type, intent.region, outcome.identifier);
  if (state === undefined) {
    await persist(() => ledger.resolveAsync(intent));
    warn(`an interrupted run's ${intent.operation} of ${intent.type} ${outcome.identifier} succeeded, but it is gone`);
    return;
  }
  const manifest = ctx.stack.resources.find((r) => r.def.name === intent.resource);
  const exports = manifest
    ? exportedValues(manifest, resourceColumns(state.properties))
    : (ledger.get(intent.resource)?.exports ?? {});
  collectSecrets(ctx.stack.secrets, manifest, ctx.registry.resolve(intent.type), {
    desired: intent.desired,
    actual: state.properties,
    exports,
  });
  const entry = ledgerEntry({
    resource: intent.resource,
    type: intent.type,
    region: intent.region,
    identifier: state.identifier,
    dependsOn: intent.dependsOn,
    exports,
    desired: intent.desired ?? {},
  });
  await persist(async () => {
    await ledger.putAsync(entry, intent);
    if (intent.renamedFrom !== undefined) await ledger.removeAsync(intent.renamedFrom);
  });
  warn(
    intent.operation === 'create'
      ? `adopted ${intent.type} ${state.identifier}, which an interrupted run created`
      : `recorded the update of ${intent.type} ${state.identifier}, which an interrupted run made`,
  );
}

/**
 * The request's end: its status when its token is known (waiting while it runs); otherwise,
 * or when Cloud Control no longer knows it, the same request sent again with the same client
 * token. A transient failure is re-sent as well: the killed run may have sent a retry after it.
 */
async function howItEnded(cloud: CloudControlPort, intent: Intent, resend: boolean): Promise<Outcome> {
  let retried = false;
  if (intent.requestToken !== undefined) {
    try {
      const done = await cloud.awaitRequest(intent.region, intent.requestToken);
      if (done !== undefined) return { ended: 'succeeded', identifier: done.identifier || (intent.identifier ?? '') };
    } catch (error) {
      if (!(error instanceof CloudError) || !error.requestFailed) throw error;
      if (!error.retryable) return { ended: 'failed', why: `${error.code}: ${error.message}` };
      retried = true;
    }
  }
  if (!resend) return { ended: 'unknown' };
  if (Date.now() - Date.parse(intent.createdAt) > TOKEN_MEMORY_MS) return { ended: 'forgotten' };
  try {
    return { ended: 'succeeded', identifier: await sendAgain(cloud, intent) };
  } catch (error) {
    // Not answered (the cloud is unreachable): the intent stays, and this run stops here.
    if (!settledFailure(error)) throw error;
    const { code, message } = error as { code?: string; message: string };
    return { ended: 'failed', why: `${code ?? 'Error'}: ${message}${retried ? ' (after a transient failure)' : ''}` };
  }
}

async function sendAgain(cloud: CloudControlPort, intent: Intent): Promise<string> {
  const options = { clientToken: intent.clientToken };
  const identifier = intent.identifier ?? '';
  switch (intent.operation) {
    case 'create':
      return (await cloud.createResource(intent.type, intent.region, intent.desired ?? {}, options)).identifier;
    case 'update':
      await cloud.updateResource(
        intent.type,
        intent.region,
        identifier,
        (intent.patch ?? []) as PatchOperation[],
        options,
      );
      return identifier;
    case 'delete':
      await cloud.deleteResource(intent.type, intent.region, identifier, options);
      return identifier;
  }
}
