/**
 * One anchor comment, `/*+ exists, retries=3, retry_delay=5 *\/`: its name (aliases resolved)
 * and options.
 */
import { DeployError } from '../errors/index.js';
import { closest } from '../common/index.js';

/** The operations a `callback:` or `troubleshoot:` anchor may be bound to. */
export type AnchorOperation = 'create' | 'update' | 'delete';

export type AnchorName =
  | 'create'
  | 'update'
  | 'createorupdate'
  | 'delete'
  | 'exists'
  | 'statecheck'
  | 'exports'
  | 'command'
  | 'callback'
  | `callback:${AnchorOperation}`
  | 'troubleshoot'
  | `troubleshoot:${AnchorOperation}`;

export const ANCHOR_NAMES: readonly AnchorName[] = [
  'create',
  'update',
  'createorupdate',
  'delete',
  'exists',
  'statecheck',
  'exports',
  'command',
  'callback',
  'troubleshoot',
];

/** `callback` and `troubleshoot` may name the operation they follow: `callback:create`. */
const QUALIFIED = ['callback', 'troubleshoot'];
const OPERATIONS: readonly string[] = ['create', 'update', 'delete'];

/** The SELECT anchors: run by the SQL engine, never parsed as Cloud Control operations. */
export function isQueryAnchor(anchor: AnchorName): boolean {
  const base = anchor.split(':')[0] as string;
  return ['exists', 'statecheck', 'exports', 'callback', 'troubleshoot'].includes(base);
}

/** Older names stackql-deploy still accepts (1.7.0). */
const ALIASES: Record<string, AnchorName> = { preflight: 'exists', postdeploy: 'statecheck' };

export interface AnchorHeader {
  anchor: AnchorName;
  /** The name as written, before alias resolution (for messages). */
  written: string;
  options: Record<string, number | string>;
  /** Text after the closing `*\/` on the anchor's own line. */
  rest: string;
}

const FORM_HINT = 'write anchors as /*+ create */ or /*+ exists, retries=3, retry_delay=5 */';

/** Parses the anchor comment on `text` (a line whose trimmed start is `/*+`). */
export function parseAnchorHeader(text: string, file: string, line: number): AnchorHeader {
  const open = text.indexOf('/*+');
  const close = text.indexOf('*/', open + 3);
  if (close < 0) {
    throw new DeployError('MalformedAnchor', 'anchor comment is not closed on its line', {
      file,
      line,
      hint: FORM_HINT,
    });
  }
  // `key = value` is tolerated: join it to `key=value` so splitting on commas/blanks works.
  const inner = text
    .slice(open + 3, close)
    .replace(/\s*=\s*/g, '=')
    .trim();
  const [head = '', ...parts] = inner.split(/[\s,]+/).filter((p) => p !== '');
  const written = head.toLowerCase();
  return {
    anchor: anchorName(written, file, line),
    written,
    options: parseOptions(parts, file, line),
    rest: text.slice(close + 2),
  };
}

function anchorName(written: string, file: string, line: number): AnchorName {
  if ((ANCHOR_NAMES as readonly string[]).includes(written)) return written as AnchorName;
  const [base = '', operation] = written.split(':');
  if (QUALIFIED.includes(base) && operation !== undefined) {
    if (OPERATIONS.includes(operation)) return written as AnchorName;
    throw new DeployError('UnknownAnchor', `unknown operation '${operation}' in anchor '${written}'`, {
      file,
      line,
      hint: `write ${base}:create, ${base}:update or ${base}:delete, or ${base} alone for every operation`,
    });
  }
  const alias = ALIASES[written];
  if (alias !== undefined) return alias;
  if (written === '')
    throw new DeployError('MalformedAnchor', 'anchor comment has no name', { file, line, hint: FORM_HINT });
  const valid = `valid anchors: ${ANCHOR_NAMES.join(', ')}`;
  const suggestions = closest(written, [...ANCHOR_NAMES, ...Object.keys(ALIASES)]);
  const hint = suggestions.length ? `did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}? ${valid}` : valid;
  throw new DeployError('UnknownAnchor', `unknown anchor '${written}'`, { file, line, hint });
}

function parseOptions(parts: string[], file: string, line: number): Record<string, number | string> {
  const options: Record<string, number | string> = {};
  for (const part of parts) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(part);
    if (!match) {
      throw new DeployError('InvalidAnchorOption', `anchor option '${part}' is not of the form key=value`, {
        file,
        line,
        hint: FORM_HINT,
      });
    }
    const key = match[1] as string;
    const raw = (match[2] as string).replace(/^(['"])(.*)\1$/, '$2');
    if (!ANCHOR_OPTIONS.includes(key)) {
      const near = closest(key, ANCHOR_OPTIONS);
      throw new DeployError('InvalidAnchorOption', `unknown anchor option '${key}'`, {
        file,
        line,
        hint: `${near.length ? `did you mean '${near[0]}'? ` : ''}the options are ${ANCHOR_OPTIONS.join(', ')}`,
      });
    }
    if (TEXT_OPTIONS.includes(key)) {
      options[key] = raw;
      continue;
    }
    if (!/^\d{1,6}$/.test(raw)) {
      throw new DeployError('InvalidAnchorOption', `anchor option ${key}=${raw} must be a whole number of 0 or more`, {
        file,
        line,
        hint: `for example ${key}=3`,
      });
    }
    options[key] = Number(raw);
  }
  return options;
}

/**
 * stackql-deploy's options (checked, then replaced by request polling): counts and seconds, and
 * the two texts of a callback's short circuit.
 */
const TEXT_OPTIONS = ['short_circuit_field', 'short_circuit_value'];
const ANCHOR_OPTIONS = ['retries', 'retry_delay', 'postdelete_retries', 'postdelete_retry_delay', ...TEXT_OPTIONS];
