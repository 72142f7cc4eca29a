/**
 * Checks one line of the NDJSON stream against events.schema.json. Tests of `plan`, `apply`
 * and `teardown --json` run every line through it, so the schema, the docs and the engine's
 * actual output cannot drift apart unnoticed.
 */
import schemaFile from '../events/events.schema.json' with { type: 'json' };
import { checkSchema, type JsonSchema } from '../events/json-schema-check.js';

export const EVENT_LINE_SCHEMA: JsonSchema = schemaFile as JsonSchema;

/** The problems with one parsed line (`/path: what is wrong`); empty when the line is valid. */
export function validateEventLine(obj: unknown): string[] {
  return checkSchema(obj, EVENT_LINE_SCHEMA);
}
