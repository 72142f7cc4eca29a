/**
 * Where things are in a YAML text: the 1-based line of each mapping key and sequence item, by
 * path (`['resources', 2, 'props', 0, 'name']`), and the line where each scalar's text starts.
 * js-yaml returns plain values without positions, so this is a light, indentation-based scan of
 * block-style YAML (what manifests are written in). Inside flow collections (`{a: 1}`, `[x, y]`)
 * it knows only the line of the enclosing key; lookups fall back to the nearest known ancestor.
 */
export type PathKey = string | number;

export interface LineIndex {
  /** Line of the key or item at `path`, or of its nearest known ancestor (1 when none). */
  lineOf(path: readonly PathKey[]): number;
  /** Line where the text of the scalar at `path` starts (the line after `key: |`). */
  textLineOf(path: readonly PathKey[]): number;
}

interface Container {
  kind: 'map' | 'seq';
  indent: number;
  path: PathKey[];
  next: number;
}

/** A key, quoted or plain, followed by `:` and a space or the end of the line. */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#{}[\],&*!|>%@`][^#]*?)\s*:(?:\s+|$)(.*)$/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(?:#.*)?$/;
const NODE_PROPERTIES_ONLY = /^(?:[&!]\S*\s*)+(?:#.*)?$/;

function unquote(key: string): string {
  if (key.startsWith('"')) return JSON.parse(key) as string;
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}

/** Net bracket depth of a flow collection fragment, ignoring quoted text. */
function flowDepth(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || text[i - 1] === ' ')) break;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth;
}

/** Whether a scalar starting with a quote also ends its quoted text on the same line. */
function closesQuote(text: string): boolean {
  const quote = text[0];
  for (let i = 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

export function indexLines(text: string): LineIndex {
  const keyLines = new Map<string, number>();
  const textLines = new Map<string, number>();
  const id = (path: readonly PathKey[]): string => JSON.stringify(path);
  const stack: Container[] = [];
  let pending: PathKey[] | undefined;
  /** Lines deeper than this column belong to a block scalar being skipped. */
  let skipDeeperThan: number | undefined;
  let openFlow = 0;
  let openQuote: string | undefined;

  const top = (): Container | undefined => stack[stack.length - 1];
  /** The path of a container opening now: the key or item awaiting a value, else the root. */
  const containerPath = (enclosing: Container | undefined): PathKey[] =>
    pending ?? (enclosing === undefined ? [] : [...enclosing.path, '?']);

  /** A value on the same line as its key or dash: decides what the following lines are. */
  function value(path: PathKey[], column: number, raw: string, line: number): void {
    const rest = raw.trim();
    pending = undefined;
    if (rest === '' || rest.startsWith('#') || NODE_PROPERTIES_ONLY.test(rest)) {
      pending = path;
      return;
    }
    if (BLOCK_SCALAR.test(rest)) {
      skipDeeperThan = column;
      textLines.set(id(path), line + 1);
      return;
    }
    textLines.set(id(path), line);
    if (rest.startsWith('[') || rest.startsWith('{')) openFlow = Math.max(0, flowDepth(rest));
    else if ((rest.startsWith('"') || rest.startsWith("'")) && !closesQuote(rest)) openQuote = rest[0];
  }

  function entry(column: number, content: string, line: number): void {
    if (content === '-' || content.startsWith('- ')) {
      while ((top()?.indent ?? -1) > column) stack.pop();
      let seq = top();
      if (seq === undefined || seq.kind !== 'seq' || seq.indent !== column) {
        seq = { kind: 'seq', indent: column, path: containerPath(seq), next: 0 };
        stack.push(seq);
      }
      const path = [...seq.path, seq.next++];
      keyLines.set(id(path), line);
      const rest = content.slice(1).trimStart();
      const restColumn = column + content.length - rest.length;
      pending = path;
      if (KEY.test(rest) || rest === '-' || rest.startsWith('- ')) entry(restColumn, rest, line);
      else value(path, column, rest, line);
      return;
    }
    const match = KEY.exec(content);
    if (match === null) return; // a continuation line of a plain scalar
    while (
      stack.length > 0 &&
      ((top()?.indent ?? -1) > column || (top()?.kind === 'seq' && top()?.indent === column))
    ) {
      stack.pop();
    }
    let map = top();
    if (map === undefined || map.kind !== 'map' || map.indent !== column) {
      map = { kind: 'map', indent: column, path: containerPath(map), next: 0 };
      stack.push(map);
    }
    const path = [...map.path, unquote(match[1] as string)];
    keyLines.set(id(path), line);
    value(path, column, match[2] ?? '', line);
  }

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trimStart();
    const column = raw.length - content.length;
    if (openQuote !== undefined) {
      if (content.includes(openQuote)) openQuote = undefined;
      return;
    }
    if (openFlow > 0) {
      openFlow += flowDepth(content);
      return;
    }
    if (content === '') return;
    if (skipDeeperThan !== undefined) {
      if (column > skipDeeperThan) return;
      skipDeeperThan = undefined;
    }
    if (content.startsWith('#') || content.startsWith('---') || content.startsWith('...')) return;
    entry(column, content, line);
  });

  function lineOf(path: readonly PathKey[]): number {
    for (let length = path.length; length > 0; length--) {
      const key = id(path.slice(0, length));
      const found = keyLines.get(key) ?? textLines.get(key);
      if (found !== undefined) return found;
    }
    return 1;
  }

  return {
    lineOf,
    textLineOf: (path) => textLines.get(id(path)) ?? lineOf(path),
  };
}
