/**
 * DeleteResource: refused at once while children live (ResourceConflictException), and
 * checked again when it finishes, since a child may have been created in between. A delete of
 * a resource that does not exist is accepted and then FAILS with ErrorCode NotFound, as in AWS:
 * Cloud Control hands the request to the type's delete handler, whose contract is to answer
 * FAILED/NotFound (resource-type-test-contract; seen live through Cloud Control, go-to-k/cdkd#1254).
 */
import { CloudControlError } from './cloud-error.js';
import { findResource, schemaFor, type CloudContext } from './context.js';
import { fingerprintOf, replayed } from './idempotency.js';
import { describeChild } from './integrity.js';
import type { StoredResource } from './records.js';
import { drawFault, notFoundOutcome } from './fault-outcome.js';
import type { Outcome } from './request-runner.js';
import type { WireProgressEvent } from './types.js';

export interface DeleteInput {
  TypeName: string;
  Identifier: string;
  ClientToken?: string;
}

export function deleteResource(
  ctx: CloudContext,
  region: string,
  input: DeleteInput,
): { ProgressEvent: WireProgressEvent } {
  const schema = schemaFor(ctx, input.TypeName, 'delete');
  const fingerprint = fingerprintOf('DELETE', input.TypeName, input.Identifier);
  const replay = replayed(ctx, region, input.ClientToken, fingerprint);
  if (replay) return { ProgressEvent: replay };

  const resource = findResource(ctx, region, schema, input.Identifier, { missingOk: true });
  const identifier = resource?.identifier ?? input.Identifier;
  ctx.runner.assertIdle(region, schema.typeName, identifier);
  const child = resource && ctx.integrity.liveChild(resource);
  if (resource && child) throw new CloudControlError('ResourceConflictException', conflictMessage(resource, child));

  const failure = drawFault(ctx, 'delete', schema.typeName);
  const finish = (): Outcome => {
    if (failure) return failure;
    const live = ctx.state.resource(region, schema.typeName, identifier);
    if (!live) return notFoundOutcome(schema.typeName, identifier);
    const lateChild = ctx.integrity.liveChild(live);
    if (lateChild) return { ok: false, errorCode: 'ResourceConflict', message: conflictMessage(live, lateChild) };
    return { ok: true, delete: true };
  };
  const event = ctx.runner.start({
    region,
    operation: 'DELETE',
    typeName: schema.typeName,
    identifier,
    fingerprint,
    finish,
    clientToken: input.ClientToken,
  });
  return { ProgressEvent: event };
}

function conflictMessage(resource: StoredResource, child: StoredResource): string {
  return (
    `Resource of type '${resource.typeName}' with identifier '${resource.identifier}' cannot be deleted: ` +
    `${describeChild(child)} still depends on it.`
  );
}
