/**
 * CreateResource: validated and given its generated attributes at once, then created when the
 * latency has passed, provided its parents are live and its identifier is free. As in AWS, the
 * ProgressEvents carry the Identifier from the start only when the user named the resource; a
 * generated one shows once the request has succeeded.
 */
import type { TypeSchema } from '../schema/index.js';
import { inheritFromReferenced } from './inherited.js';
import { generateReadOnly, randomId } from './attributes.js';
import { invalidRequest } from './cloud-error.js';
import { identifierOf, readModel, schemaFor, type CloudContext } from './context.js';
import { fingerprintOf, replayed } from './idempotency.js';
import { parseJson } from './json.js';
import { validateModel } from './model-validation.js';
import { withObservedDefaults, withSchemaDefaults } from './service-defaults.js';
import { drawFault } from './fault-outcome.js';
import type { Outcome } from './request-runner.js';
import type { Model, WireProgressEvent } from './types.js';

export interface CreateInput {
  TypeName: string;
  DesiredState: string;
  ClientToken?: string;
}

export function createResource(
  ctx: CloudContext,
  region: string,
  input: CreateInput,
): { ProgressEvent: WireProgressEvent } {
  const schema = schemaFor(ctx, input.TypeName, 'create');
  const fingerprint = fingerprintOf('CREATE', input.TypeName, input.DesiredState);
  const replay = replayed(ctx, region, input.ClientToken, fingerprint);
  if (replay) return { ProgressEvent: replay };

  const parsed = parseJson(input.DesiredState);
  if (!parsed) throw invalidRequest('DesiredState is not valid JSON.');
  const desired = validateModel(schema, parsed.value, false);
  const { model, identifier, userNamed } = materialise(ctx, region, schema, desired);
  ctx.runner.assertIdle(region, schema.typeName, identifier);

  const failure = drawFault(ctx, 'create', schema.typeName);
  // Checked now and again at the end: a parent must be live when its child is requested,
  // not merely by the time the child would be finished (that would hide ordering bugs).
  const earlyMissing = ctx.integrity.missingParent(region, schema, model);

  const finish = (): Outcome => {
    if (failure) return failure;
    const missing = earlyMissing ?? ctx.integrity.missingParent(region, schema, model);
    if (missing) return { ok: false, errorCode: 'NotFound', message: missing };
    if (ctx.state.resource(region, schema.typeName, identifier)) {
      return {
        ok: false,
        errorCode: 'AlreadyExists',
        message: `Resource of type '${schema.typeName}' with identifier '${identifier}' already exists.`,
      };
    }
    return {
      ok: true,
      put: { seq: ctx.state.seq(), region, typeName: schema.typeName, identifier, model },
      resourceModel: JSON.stringify(readModel(schema, model)),
    };
  };
  const event = ctx.runner.start({
    region,
    operation: 'CREATE',
    typeName: schema.typeName,
    identifier,
    identifierOnSuccess: !userNamed,
    fingerprint,
    finish,
    clientToken: input.ClientToken,
  });
  return { ProgressEvent: event };
}

/**
 * The model as the service would store it: schema defaults applied, read-only attributes and
 * optional names generated, then the defaults the service is seen to fill in (which may be
 * built from generated values, like a function's `/aws/lambda/<name>` log group). Generated
 * identifiers are redrawn in the unlikely case they collide with a live resource.
 */
function materialise(
  ctx: CloudContext,
  region: string,
  schema: TypeSchema,
  desired: Model,
): { model: Model; identifier: string; userNamed: boolean } {
  const base = withSchemaDefaults(schema, desired);
  const userNamed = schema.primaryIdentifier.length > 0 && schema.primaryIdentifier.every((part) => part in base);
  for (let attempt = 0; ; attempt++) {
    const generated = generateReadOnly(schema, base, region);
    const inherited = inheritFromReferenced(schema, desired, generated, (id) =>
      ctx.state.resourceWithIdentifier(region, id),
    );
    const model = withObservedDefaults(schema, inherited, region);
    const identifier = identifierOf(schema, model) ?? randomId(24);
    if (userNamed || attempt === 5 || !ctx.state.resource(region, schema.typeName, identifier))
      return { model, identifier, userNamed };
  }
}
