/**
 * RFC 6902 JSON Patch over a resource's properties. Applied to a copy: any failing operation
 * (including a `test`) throws, so the caller's document is never half-patched.
 */
import { isObject, jsonEqual } from './json.js';

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

export class PatchError extends Error {}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** Parses and checks the shape of a PatchDocument; paths are normalised to start with `/`. */
export function parsePatchDocument(text: string): PatchOperation[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PatchError('PatchDocument is not valid JSON');
  }
  if (!Array.isArray(value)) throw new PatchError('PatchDocument must be a JSON array of operations');
  return value.map((entry: unknown, i): PatchOperation => {
    if (!isObject(entry) || typeof entry['op'] !== 'string' || !OPS.has(entry['op'])) {
      throw new PatchError(`operation ${i}: 'op' must be one of ${[...OPS].join(', ')}`);
    }
    const op = entry['op'] as PatchOperation['op'];
    const path = normalisePath(entry['path'], `operation ${i}: 'path'`);
    const result: PatchOperation = { op, path };
    if (op === 'move' || op === 'copy') result.from = normalisePath(entry['from'], `operation ${i}: 'from'`);
    if (op === 'add' || op === 'replace' || op === 'test') {
      if (!('value' in entry)) throw new PatchError(`operation ${i} (${op} ${path}): 'value' is required`);
      result.value = entry['value'];
    }
    return result;
  });
}

// A slash-less path ("RetentionInDays", as in the AWS user guide's CLI example) is taken as
// relative to the properties: lenient, since the service's own answer is not documented.
function normalisePath(path: unknown, what: string): string {
  if (typeof path !== 'string' || path === '' || path === '/') {
    throw new PatchError(`${what} must name a property, e.g. "/Description"`);
  }
  return path.startsWith('/') ? path : `/${path}`;
}

export function pointerTokens(path: string): string[] {
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Applies `ops` in order to a copy of `document` and returns the copy. */
export function applyPatch(document: Record<string, unknown>, ops: PatchOperation[]): Record<string, unknown> {
  const doc = structuredClone(document);
  ops.forEach((op, i) => {
    try {
      applyOne(doc, op);
    } catch (error) {
      if (error instanceof PatchError) throw new PatchError(`operation ${i} (${op.op} ${op.path}): ${error.message}`);
      throw error;
    }
  });
  return doc;
}

function applyOne(doc: Record<string, unknown>, op: PatchOperation): void {
  switch (op.op) {
    case 'add':
      return add(doc, op.path, structuredClone(op.value));
    case 'remove':
      remove(doc, op.path);
      return;
    case 'replace':
      remove(doc, op.path);
      return add(doc, op.path, structuredClone(op.value));
    case 'move': {
      const from = op.from as string;
      if (op.path.startsWith(`${from}/`)) throw new PatchError('cannot move a value into itself');
      return add(doc, op.path, remove(doc, from));
    }
    case 'copy':
      return add(doc, op.path, structuredClone(get(doc, op.from as string)));
    case 'test':
      if (!jsonEqual(get(doc, op.path), op.value)) throw new PatchError('test failed: value differs');
  }
}

/** The container holding the pointer's last token, and that token. */
function locate(doc: Record<string, unknown>, path: string): { parent: unknown; key: string } {
  const tokens = pointerTokens(path);
  const key = tokens.pop() as string;
  let parent: unknown = doc;
  for (const token of tokens) {
    parent = child(parent, token);
    if (parent === undefined) throw new PatchError(`path does not exist`);
  }
  return { parent, key };
}

function child(container: unknown, token: string): unknown {
  if (Array.isArray(container)) return /^\d+$/.test(token) ? container[Number(token)] : undefined;
  return isObject(container) && Object.hasOwn(container, token) ? container[token] : undefined;
}

function get(doc: Record<string, unknown>, path: string): unknown {
  const { parent, key } = locate(doc, path);
  const value = child(parent, key);
  if (value === undefined) throw new PatchError('path does not exist');
  return value;
}

function add(doc: Record<string, unknown>, path: string, value: unknown): void {
  const { parent, key } = locate(doc, path);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : /^\d+$/.test(key) ? Number(key) : NaN;
    if (!(index >= 0 && index <= parent.length)) throw new PatchError(`array index '${key}' is out of bounds`);
    parent.splice(index, 0, value);
  } else if (isObject(parent)) {
    parent[key] = value;
  } else {
    throw new PatchError('parent is not an object or array');
  }
}

function remove(doc: Record<string, unknown>, path: string): unknown {
  const { parent, key } = locate(doc, path);
  const value = child(parent, key);
  if (value === undefined) throw new PatchError('path does not exist');
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, unknown>)[key];
  return value;
}
