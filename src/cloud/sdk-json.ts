/**
 * Cloud Control's requests written, and its successful answers read, as the SDK's awsJson1_0
 * protocol writes and reads them, for less CPU: the protocol walks the input's or output's schema
 * for every request and every answer (and looks for an event-stream member each time), about a
 * tenth of a cold request's CPU. Here each operation's schemas are walked once, into a writer and a
 * reader that then only do what the data needs: write the members in the schema's order (an
 * idempotency token made when none is given, with the SDK's own generator), read back epoch-second
 * timestamps as Dates (with the SDK's own parser), leave out the members the schema does not name.
 * Request assembly (endpoint, host prefix, path, target and content type) is the protocol's own.
 *
 * Only what Cloud Control's inputs and outputs are made of is handled: structures, lists, maps
 * (read only), strings, booleans, numbers and epoch-second timestamps (read only). An operation
 * whose schema holds anything else (a blob, a document, a union, a JSON string, a big number,
 * another timestamp format), and a request or answer that holds a value the SDK treats specially
 * (a record with `__type`, a number that is not finite or sent as a string, a `__proto__` key, a
 * null idempotency token, text that is not JSON), goes to the protocol. So do errors.
 */
import { collectBody, determineTimestampFormat } from '@smithy/core/protocols';
import { NormalizedSchema } from '@smithy/core/schema';
import { generateIdempotencyToken, parseEpochTimestamp } from '@smithy/core/serde';
import { HttpRequest, HttpResponse } from '@smithy/core/transport';

/** What the SDK's protocol is asked for: an answer read here cannot, and the metadata of one read here. */
export interface ReadingProtocol {
  deserializeResponse(schema: unknown, context: object, response: unknown): Promise<Output>;
  deserializeMetadata(response: HttpResponse): Output['$metadata'];
}
export type Output = { $metadata: { attempts?: number; totalRetryDelay?: number } };

/** What the SDK's protocol is asked for when a request is written here: all but the body. */
export interface WritingProtocol {
  serializeRequest(schema: unknown, input: object, context: object): Promise<unknown>;
  updateServiceEndpoint(request: HttpRequest, endpoint: unknown): void;
  setHostPrefix(request: HttpRequest, schema: unknown, input: object): void;
  getJsonRpcVersion(): string;
  serviceTarget: string;
  awsQueryCompatible: boolean;
}

/** A value read or written, or SDK when the SDK must do it. */
type Reader = (value: unknown) => unknown;
const SDK = Symbol('read by the SDK');
const TIMESTAMPS = { timestampFormat: { useTrait: true, default: 7 } } as const;
const EPOCH_SECONDS = 7;

/** The reader of each operation's output, made at its first answer (undefined: the SDK reads it). */
const readers = new Map<unknown, Reader | undefined>();
/** The writer of each operation's input, likewise. */
const writers = new Map<unknown, Reader | undefined>();

type Schema = Parameters<typeof NormalizedSchema.of>[0];

export async function writeRequest(
  protocol: WritingProtocol,
  operation: { name: string; input: unknown },
  input: object,
  context: { endpoint?: () => Promise<unknown> },
): Promise<unknown> {
  if (!writers.has(operation.input)) {
    writers.set(operation.input, writerOf(NormalizedSchema.of(operation.input as Schema), new Set()));
  }
  const write = writers.get(operation.input);
  const body = write === undefined || protocol.awsQueryCompatible ? SDK : write(input);
  if (body === SDK) return protocol.serializeRequest(operation, input, context);

  const request = new HttpRequest({ protocol: '', hostname: '', path: '/', query: {}, headers: {} });
  const endpoint = await context.endpoint?.();
  if (endpoint) {
    protocol.updateServiceEndpoint(request, endpoint);
    protocol.setHostPrefix(request, operation, input);
  }
  if (!request.path.endsWith('/')) request.path += '/';
  request.method = 'POST';
  request.headers['content-type'] = `application/x-amz-json-${protocol.getJsonRpcVersion()}`;
  request.headers['x-amz-target'] = `${protocol.serviceTarget}.${operation.name}`;
  request.body = Buffer.from(JSON.stringify(body)); // JSON.stringify escapes strings as the protocol's writer does
  return request;
}

export async function readAnswer(
  protocol: ReadingProtocol,
  operation: { output: unknown },
  context: object,
  response: HttpResponse,
): Promise<Output> {
  if (response.statusCode >= 300) return protocol.deserializeResponse(operation, context, response);
  if (!readers.has(operation.output)) {
    readers.set(operation.output, readerOf(NormalizedSchema.of(operation.output as Schema), new Set()));
  }
  const read = readers.get(operation.output);
  if (read === undefined) return protocol.deserializeResponse(operation, context, response);

  const bytes = await collectBody(response.body, context as Parameters<typeof collectBody>[1]);
  const output = bytes.byteLength === 0 ? {} : read(parsed(bytes));
  if (output === SDK) {
    const again = new HttpResponse({ statusCode: response.statusCode, headers: response.headers, body: bytes });
    return protocol.deserializeResponse(operation, context, again);
  }
  // As the SDK leaves them: header names in lower case (it reads its metadata from them). Node's
  // are already; only another handler's would need it.
  for (const name of Object.keys(response.headers)) {
    const lower = name.toLowerCase();
    if (lower === name) continue;
    response.headers[lower] = response.headers[name] as string;
    delete response.headers[name];
  }
  // The reader made this object (a structure's), or it is the empty answer's: no one else holds it.
  return Object.assign(output as object, { $metadata: protocol.deserializeMetadata(response) });
}

/** The JSON in `bytes`, or SDK when it is not JSON (the SDK then fails as it fails). */
function parsed(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return SDK;
  }
}

/** `within`: the structures being read around this one (a shape that holds itself is the SDK's). */
function readerOf(ns: NormalizedSchema, within: Set<unknown>): Reader | undefined {
  if (ns.isStructSchema() && !ns.isUnionSchema()) {
    const members = membersOf(ns, within, readerOf);
    if (members === undefined) return undefined;
    return (value) => {
      const record = recordOf(value);
      if (record === undefined) return SDK;
      const out: Record<string, unknown> = {};
      for (const [name, read] of members) {
        if (record[name] == null) continue;
        const got = read(record[name]);
        if (got === SDK) return SDK;
        out[name] = got;
      }
      return out;
    };
  }
  if (ns.isListSchema() || ns.isMapSchema()) {
    const item = readerOf(ns.getValueSchema(), within);
    if (item === undefined) return undefined;
    const list = ns.isListSchema();
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value) !== list) return SDK;
      if (list) return each(value as unknown[], item);
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        const read = key === '__proto__' ? SDK : entry == null ? entry : item(entry);
        if (read === SDK) return SDK;
        out[key] = read;
      }
      return out;
    };
  }
  if (ns.isTimestampSchema()) {
    return determineTimestampFormat(ns, TIMESTAMPS) === EPOCH_SECONDS
      ? (value) => parseEpochTimestamp(value)
      : undefined;
  }
  if (ns.isStringSchema()) return ns.getMergedTraits().mediaType ? undefined : (value) => value;
  if (ns.isBooleanSchema()) return (value) => value;
  if (ns.isNumericSchema() && !ns.isBigIntegerSchema() && !ns.isBigDecimalSchema()) {
    return (value) => (typeof value === 'string' ? SDK : value);
  }
  return undefined;
}

/** Each of `values` read or written by `item` (nulls kept, as the protocol keeps them in lists). */
function each(values: unknown[], item: Reader): unknown {
  const out: unknown[] = [];
  for (const value of values) {
    const read = value == null ? value : item(value);
    if (read === SDK) return SDK;
    out.push(read);
  }
  return out;
}

/** How to write a value of `ns` as the protocol writes it, or undefined when the SDK must. */
function writerOf(ns: NormalizedSchema, within: Set<unknown>): Reader | undefined {
  if (ns.isStructSchema() && !ns.isUnionSchema() && ns.getEventStreamMember() === '') {
    const members = membersOf(ns, within, writerOf);
    if (members === undefined) return undefined;
    const tokens = new Set(members.filter(([, , member]) => member.isIdempotencyToken()).map(([name]) => name));
    return (value) => {
      const record = recordOf(value);
      if (record === undefined) return SDK;
      const out: Record<string, unknown> = {};
      for (const [name, write] of members) {
        const item = record[name];
        const token = tokens.has(name);
        if (item === undefined && token) out[name] = generateIdempotencyToken();
        else if (item === null && token) return SDK;
        else if (item != null) {
          const written = write(item);
          if (written === SDK) return SDK;
          out[name] = written;
        }
      }
      return out;
    };
  }
  if (ns.isListSchema()) {
    const item = writerOf(ns.getValueSchema(), within);
    return item && ((value) => (Array.isArray(value) ? each(value, item) : SDK));
  }
  if (ns.isStringSchema() && !ns.getMergedTraits().mediaType) {
    return (value) => (typeof value === 'string' ? value : SDK);
  }
  if (ns.isBooleanSchema()) return (value) => (typeof value === 'boolean' ? value : SDK);
  if (ns.isNumericSchema() && !ns.isBigIntegerSchema() && !ns.isBigDecimalSchema()) {
    return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : SDK);
  }
  return undefined;
}

/**
 * The members of a structure in the schema's order, each with what `make` makes of it; undefined
 * when it cannot make one, or when the structure holds itself (`within`: those around it).
 */
function membersOf(
  ns: NormalizedSchema,
  within: Set<unknown>,
  make: (member: NormalizedSchema, within: Set<unknown>) => Reader | undefined,
): [string, Reader, NormalizedSchema][] | undefined {
  if (within.has(ns.getSchema())) return undefined;
  within.add(ns.getSchema());
  const members: [string, Reader, NormalizedSchema][] = [];
  for (const [name, member] of ns.structIterator()) {
    const made = make(member, within);
    if (made === undefined) return undefined;
    members.push([name, made, member]);
  }
  within.delete(ns.getSchema());
  return members;
}

/** A structure's value as both directions take it: an object, not an array, without `__type`. */
function recordOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  return typeof record['__type'] === 'string' ? undefined : record;
}
