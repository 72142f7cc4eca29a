/**
 * Checks one line of the NDJSON stream against events.schema.json with Ajv. Tests of `plan`,
 * `apply` and `teardown --json` run every line through it, so the schema, the docs and the
 * engine's actual output cannot drift apart unnoticed. Not loaded by the CLI: tooling that reads
 * the stream can use the schema file with any JSON Schema validator.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schemaFile from './events.schema.json' with { type: 'json' };

export const EVENT_LINE_SCHEMA: Record<string, unknown> = schemaFile;

let validate: ValidateFunction | undefined;

/** The problems with one parsed line (`/path: what is wrong`); empty when the line is valid. */
export function validateEventLine(obj: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: true, discriminator: true });
    addFormats.default(ajv, ['date-time']);
    validate = ajv.compile(EVENT_LINE_SCHEMA);
  }
  if (validate(obj)) return [];
  return (validate.errors ?? []).map(describe);
}

/** Ajv's wording, with the allowed values spelt out where Ajv only says that there are some. */
function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `${where}: must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${where}: must be ${JSON.stringify(params['allowedValue'])}`;
    case 'discriminator':
      return `${where}: "type" must be one of ${EVENT_TYPES.map((t) => JSON.stringify(t)).join(', ')}`;
    case 'additionalProperties':
      return `${where}: unexpected property '${String(params['additionalProperty'])}'`;
    default:
      return `${where}: ${error.message ?? error.keyword}`;
  }
}

/** Every `type` a line may have, in the schema's order. */
const EVENT_TYPES = (schemaFile.oneOf as { $ref: string }[]).map((branch) => branch.$ref.split('/').at(-1) ?? '');
