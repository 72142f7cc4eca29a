/**
 * IAM policy documents (identity, trust, resource and key policies, whatever the service) mean
 * the same under several spellings, and services hand back another one than the user wrote:
 *
 * - a single string equals a one-element list for Action, NotAction, Resource, NotResource,
 *   each Principal kind and each Condition value; the lists are sets (IAM evaluates any member);
 * - a single statement object equals a one-element Statement list, and statement order is
 *   irrelevant;
 * - an account principal reads back either as the bare 12-digit id or as its root ARN
 *   (`arn:aws:iam::123456789012:root`), and `"*"` equals `{"AWS": "*"}`;
 * - action names are case-insensitive (IAM documents `iam:listaccesskeys` = `IAM:ListAccessKeys`);
 * - an empty Sid is no Sid;
 * - a document without Version is version `2008-10-17` (IAM's documented default);
 * - condition key names are case-insensitive (`aws:SourceArn` = `aws:sourcearn`).
 *
 * Recognised by shape (a `Statement` of objects), not by property name, so every service's
 * policy properties are covered, text or parsed.
 */
import { canonicalJson } from '../../common/index.js';
import { isPlainObject, type Plain } from '../values.js';
import { asContainer } from './json-text.js';

const LIST_KEYS = ['Action', 'NotAction', 'Resource', 'NotResource'];
const PRINCIPAL_KEYS = ['Principal', 'NotPrincipal'];
const ROOT_ARN = /^arn:[a-z-]+:iam::(\d{12}):root$/;
const DEFAULT_VERSION = '2008-10-17';

/** A policy document: an object (or JSON text of one) with a Statement of objects. */
export function isPolicyDocument(value: unknown): boolean {
  const doc = asContainer(value);
  if (!isPlainObject(doc)) return false;
  const statement = doc['Statement'];
  const statements = Array.isArray(statement) ? statement : [statement];
  return statements.length > 0 && statements.every(isPlainObject);
}

/** One spelling for every equivalent document (parsed from text if need be). */
export function canonicalPolicy(value: unknown): unknown {
  const doc = asContainer(value);
  if (!isPolicyDocument(doc)) return value;
  const out: Plain = { Version: DEFAULT_VERSION, ...(doc as Plain) };
  const statement = out['Statement'];
  const statements = (Array.isArray(statement) ? statement : [statement]) as Plain[];
  out['Statement'] = statements.map(canonicalStatement).sort((a, b) => compareText(canonicalJson(a), canonicalJson(b)));
  return out;
}

function canonicalStatement(statement: Plain): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(statement)) {
    if (key === 'Sid' && value === '') continue;
    if (LIST_KEYS.includes(key)) out[key] = valueSet(value, key.endsWith('Action'));
    else if (PRINCIPAL_KEYS.includes(key)) out[key] = canonicalPrincipal(value);
    else if (key === 'Condition' && isPlainObject(value)) out[key] = canonicalCondition(value);
    else out[key] = value;
  }
  return out;
}

function canonicalPrincipal(principal: unknown): unknown {
  if (principal === '*') return { AWS: ['*'] };
  if (!isPlainObject(principal)) return principal;
  const out: Plain = {};
  for (const [kind, value] of Object.entries(principal)) {
    const items = Array.isArray(value) ? value : [value];
    out[kind] = valueSet(kind === 'AWS' ? items.map(accountPrincipal) : items, false);
  }
  return out;
}

/** The root ARN of an account is the account: IAM stores one, the read may show the other. */
function accountPrincipal(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return ROOT_ARN.exec(value)?.[1] ?? value;
}

function canonicalCondition(condition: Plain): Plain {
  const out: Plain = {};
  for (const [operator, test] of Object.entries(condition)) {
    if (!isPlainObject(test)) {
      out[operator] = test;
      continue;
    }
    const keys: Plain = {};
    for (const [key, value] of Object.entries(test)) keys[key.toLowerCase()] = valueSet(value, false);
    out[operator] = keys;
  }
  return out;
}

/** A string or list of scalars as a sorted list of distinct texts. */
function valueSet(value: unknown, caseInsensitive: boolean): unknown[] {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const texts = items.map((item): unknown => {
    if (typeof item === 'number' || typeof item === 'boolean') return String(item);
    if (typeof item === 'string' && caseInsensitive) return item.toLowerCase();
    return item;
  });
  const unique = [...new Map(texts.map((t) => [canonicalJson(t), t])).values()];
  return unique.sort((a, b) => compareText(canonicalJson(a), canonicalJson(b)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
