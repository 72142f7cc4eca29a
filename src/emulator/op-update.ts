/**
 * UpdateResource: read-modify-write, as Cloud Control does it. The patch applies to what a
 * read returns, so write-only properties not re-sent in the patch are dropped, as in AWS.
 * Everything that AWS rejects synchronously (create-only or read-only paths, a failing patch
 * operation, an invalid result) is rejected here before anything is scheduled.
 */
import type { TypeSchema } from '../schema/index.js';
import { CloudControlError, invalidRequest, validationError } from './cloud-error.js';
import { findResource, readModel, schemaFor, type CloudContext } from './context.js';
import { fingerprintOf, replayed } from './idempotency.js';
import { applyPatch, parsePatchDocument, PatchError, pointerTokens, type PatchOperation } from './json-patch.js';
import { validateModel } from './model-validation.js';
import { withObservedDefaults, withSchemaDefaults } from './service-defaults.js';
import { drawFault, notFoundOutcome } from './fault-outcome.js';
import type { Outcome } from './request-runner.js';
import type { Model, WireProgressEvent } from './types.js';

export interface UpdateInput {
  TypeName: string;
  Identifier: string;
  PatchDocument: string;
  ClientToken?: string;
}

export function updateResource(
  ctx: CloudContext,
  region: string,
  input: UpdateInput,
): { ProgressEvent: WireProgressEvent } {
  const schema = schemaFor(ctx, input.TypeName, 'update');
  const fingerprint = fingerprintOf('UPDATE', input.TypeName, input.Identifier, input.PatchDocument);
  const replay = replayed(ctx, region, input.ClientToken, fingerprint);
  if (replay) return { ProgressEvent: replay };

  const resource = findResource(ctx, region, schema, input.Identifier);
  const ops = patchOperations(input.PatchDocument);
  checkTouchedPaths(schema, ops);
  let patched: Model;
  try {
    patched = applyPatch(readModel(schema, resource.model), ops);
  } catch (error) {
    if (error instanceof PatchError) throw invalidRequest(`Invalid patch document: ${error.message}`);
    throw error;
  }
  validateModel(schema, patched, true);
  // A property the patch removed reads back as the service's default, as after a create.
  patched = withObservedDefaults(schema, withSchemaDefaults(schema, patched), region);
  ctx.runner.assertIdle(region, schema.typeName, resource.identifier);

  const failure = drawFault(ctx, 'update', schema.typeName);
  const finish = (): Outcome => {
    if (failure) return failure;
    const live = ctx.state.resource(region, schema.typeName, resource.identifier);
    if (!live) {
      return notFoundOutcome(schema.typeName, resource.identifier);
    }
    const missing = ctx.integrity.missingParent(region, schema, patched);
    if (missing) return { ok: false, errorCode: 'NotFound', message: missing };
    return { ok: true, put: { ...live, model: patched }, resourceModel: JSON.stringify(readModel(schema, patched)) };
  };
  const event = ctx.runner.start({
    region,
    operation: 'UPDATE',
    typeName: schema.typeName,
    identifier: resource.identifier,
    fingerprint,
    finish,
    clientToken: input.ClientToken,
  });
  return { ProgressEvent: event };
}

function patchOperations(text: string): PatchOperation[] {
  try {
    return parsePatchDocument(text);
  } catch (error) {
    if (error instanceof PatchError) throw invalidRequest(`Invalid patch document: ${error.message}`);
    throw error;
  }
}

/** Create-only and read-only properties may not be touched, even with their current value. */
function checkTouchedPaths(schema: TypeSchema, ops: PatchOperation[]): void {
  const createOnly: string[] = [];
  const readOnly: string[] = [];
  for (const op of ops) {
    if (op.op === 'test') continue;
    const paths = op.op === 'move' && op.from !== undefined ? [op.path, op.from] : [op.path];
    for (const path of paths) {
      const top = pointerTokens(path)[0] ?? '';
      const pointer = `/properties${path}`;
      if (schema.properties[top]?.createOnly) createOnly.push(pointer);
      else if (top in schema.readOnly && !(top in schema.properties)) readOnly.push(pointer);
    }
  }
  if (createOnly.length) {
    throw new CloudControlError(
      'NotUpdatableException',
      `Invalid patch update: createOnlyProperties [${unique(createOnly).join(', ')}] cannot be updated`,
    );
  }
  if (readOnly.length) {
    throw validationError(
      `Invalid patch update: readOnlyProperties [${unique(readOnly).join(', ')}] cannot be updated`,
    );
  }
}

const unique = (items: string[]): string[] => [...new Set(items)];
