/**
 * DeleteResource: refused at once while children live (ResourceConflictException), and
 * checked again when it finishes, since a child may have been created in between.
 */
import { CloudControlError } from './cloud-error.js';
import { findResource, schemaFor, type CloudContext } from './context.js';
import { fingerprintOf, replayed } from './idempotency.js';
import { describeChild } from './integrity.js';
import type { StoredResource } from './records.js';
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
  const schema = schemaFor(ctx, input.TypeName);
  const fingerprint = fingerprintOf('DELETE', input.TypeName, input.Identifier);
  const replay = replayed(ctx, region, input.ClientToken, fingerprint);
  if (replay) return { ProgressEvent: replay };

  const resource = findResource(ctx, region, schema, input.Identifier);
  ctx.runner.assertIdle(region, schema.typeName, resource.identifier);
  const child = ctx.integrity.liveChild(resource);
  if (child) throw new CloudControlError('ResourceConflictException', conflictMessage(resource, child));

  const fault = ctx.faults.next('delete', schema.typeName);
  if (fault && 'http500' in fault) {
    throw new CloudControlError('ServiceInternalErrorException', 'Injected fault: internal error in the service.');
  }
  const finish = (): Outcome => {
    if (fault) return { ok: false, errorCode: fault.errorCode, message: `Injected fault: ${fault.errorCode}.` };
    const live = ctx.state.resource(region, schema.typeName, resource.identifier);
    if (!live) {
      return {
        ok: false,
        errorCode: 'NotFound',
        message: `Resource of type '${schema.typeName}' with identifier '${resource.identifier}' was not found.`,
      };
    }
    const lateChild = ctx.integrity.liveChild(live);
    if (lateChild) return { ok: false, errorCode: 'ResourceConflict', message: conflictMessage(live, lateChild) };
    return { ok: true, delete: true };
  };
  const request = {
    region,
    operation: 'DELETE' as const,
    typeName: schema.typeName,
    identifier: resource.identifier,
    fingerprint,
    finish,
  };
  const event = ctx.runner.start(
    input.ClientToken === undefined ? request : { ...request, clientToken: input.ClientToken },
  );
  return { ProgressEvent: event };
}

function conflictMessage(resource: StoredResource, child: StoredResource): string {
  return (
    `Resource of type '${resource.typeName}' with identifier '${resource.identifier}' cannot be deleted: ` +
    `${describeChild(child)} still depends on it.`
  );
}
