/**
 * A fast reader for the plain block YAML most manifests are written in: nested `key: value`
 * mappings and `- item` sequences, values that are quoted strings on one line, simple words,
 * whole numbers, true/false/null, or a one-line `[a, b]` list of those. The `yaml` package reads
 * a 300-resource manifest in about 80 ms on a cold process and peaks near 125 MB for 10,000
 * resources; this reads the same text in a few milliseconds, keeping only the values and the
 * lines of their keys and items.
 *
 * Anything else (anchors, merge keys, tags, block scalars, flow mappings, multi-line or
 * commented values, escapes, floats, tabs, duplicate keys, …) makes it answer `undefined`, and
 * the caller reads the text with the `yaml` package, which also reports every syntax error:
 * this reader never decides that a text is wrong, only that it is not one of the simple ones.
 * For the texts it accepts, test/manifest/block-yaml.test.ts checks that it gives the values
 * and lines the `yaml` package (YAML 1.2 core schema) gives.
 */
import type { LineIndex, PathKey } from './yaml-lines.js';

/** A value and where it starts; mappings and sequences keep their members' nodes. */
interface Node {
  /** 1-based line where the value's text starts. */
  line: number;
  /** A mapping's keys: the line of each key and its value's node. */
  pairs?: Map<string, { keyLine: number; node: Node }>;
  items?: Node[];
}

export interface BlockYaml {
  doc: unknown;
  lines: LineIndex;
}

/** Thrown inside the reader when the text is not a simple one; never escapes it. */
class NotSimple extends Error {}

const KEY = /^([A-Za-z_][A-Za-z0-9_./-]*):(?: +(.*))?$/;
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const SAFE_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
/** The core schema's other numbers (int, octal, hex, float, exponent, inf and nan): left to yaml. */
const NUMBER = [
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
];
/** Plain text this reader keeps as a string: no indicator first, no flow or comment characters. */
const WORD = /^[A-Za-z0-9_/$.(][^#:[\]{}]*$/;
/** An item of a one-line `[…]` list: a plain word or number, or a quoted string without commas. */
const FLOW_ITEM = /^(?:[A-Za-z0-9_/$][A-Za-z0-9_./$-]*|'[^',]*'|"[^",\\]*")$/;

export function readBlockYaml(text: string): BlockYaml | undefined {
  if (/[\t\r\uFEFF]/.test(text)) return undefined;
  try {
    return new Reader(text).read();
  } catch {
    // Not simple, or nested deeper than the stack allows: the yaml package reads it (or says why not).
    return undefined;
  }
}

class Reader {
  private readonly lines: string[];
  private at = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  read(): BlockYaml {
    this.skipBlank();
    if (this.at >= this.lines.length) throw new NotSimple(); // empty: let yaml say what it is
    const first = this.lines[this.at] as string;
    if (indentOf(first) !== 0) throw new NotSimple();
    const { value, node } = this.block(0, first);
    this.skipBlank();
    if (this.at < this.lines.length) throw new NotSimple();
    return { doc: value, lines: indexOf(node) };
  }

  /** Moves past blank and comment-only lines; a document marker or directive is not simple. */
  private skipBlank(): void {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at] as string;
      const trimmed = line.trim();
      if (trimmed !== '' && !trimmed.startsWith('#')) {
        if (/^(?:---|\.\.\.|%)/.test(line)) throw new NotSimple();
        return;
      }
      this.at++;
    }
  }

  /** The indentation of the next content line, or -1 at the end. */
  private nextIndent(): number {
    this.skipBlank();
    return this.at < this.lines.length ? indentOf(this.lines[this.at] as string) : -1;
  }

  /** A mapping or sequence whose first line (`content`, from its indentation on) is the current line. */
  private block(indent: number, content: string): { value: unknown; node: Node } {
    return content.startsWith('- ') || content === '-' ? this.sequence(indent) : this.mapping(indent, content);
  }

  private sequence(indent: number): { value: unknown[]; node: Node } {
    const value: unknown[] = [];
    const node: Node = { line: this.at + 1, items: [] };
    while (this.nextIndent() === indent) {
      const line = this.lines[this.at] as string;
      if (!line.startsWith('- ', indent)) break;
      const rest = line.slice(indent + 2).trimEnd();
      if (rest.trim() === '' || rest.startsWith(' ')) throw new NotSimple(); // bare dash, odd spacing
      const item = KEY.test(rest) ? this.mapping(indent + 2, rest) : this.scalarLine(indent, rest);
      value.push(item.value);
      node.items?.push(item.node);
    }
    return { value, node };
  }

  private mapping(indent: number, firstContent: string): { value: Record<string, unknown>; node: Node } {
    const value: Record<string, unknown> = {};
    const node: Node = { line: this.at + 1, pairs: new Map() };
    let content: string | undefined = firstContent;
    for (;;) {
      const match = KEY.exec(content);
      if (!match || SPECIAL_KEY.test(match[1] as string) || node.pairs?.has(match[1] as string)) throw new NotSimple();
      const key = match[1] as string;
      const keyLine = this.at + 1;
      const rest = match[2]?.trimEnd() ?? '';
      let member: { value: unknown; node: Node };
      if (rest === '') {
        this.at++;
        const next = this.nextIndent();
        const line = this.lines[this.at] ?? '';
        if (next > indent) member = this.block(next, line.slice(next));
        else if (next === indent && line.startsWith('-', indent)) member = this.sequence(indent);
        else member = { value: null, node: { line: keyLine } };
      } else {
        member = this.scalarLine(indent, rest);
      }
      value[key] = member.value;
      node.pairs?.set(key, { keyLine, node: member.node });
      if (this.nextIndent() !== indent) break;
      content = (this.lines[this.at] as string).slice(indent);
      if (content.startsWith('-')) break; // the sequence that holds this mapping goes on
    }
    if (this.at < this.lines.length && this.nextIndent() > indent) throw new NotSimple();
    return { value, node };
  }

  /** A one-line value; the next content line must not be indented deeper (a continuation). */
  private scalarLine(indent: number, text: string): { value: unknown; node: Node } {
    const line = this.at + 1;
    const value = text.startsWith('[') ? flowList(text) : text === '{}' ? {} : scalar(text);
    this.at++;
    if (this.nextIndent() > indent) throw new NotSimple();
    return { value, node: { line } };
  }
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** A one-line scalar: quoted without escapes, or a plain word, whole number, boolean or null. */
function scalar(text: string): unknown {
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    if (text.length < 2 || !text.endsWith(quote)) throw new NotSimple();
    const inner = text.slice(1, -1);
    if (quote === '"' && /["\\]/.test(inner)) throw new NotSimple();
    if (quote === "'" && /'(?!')/.test(inner.replaceAll("''", ''))) throw new NotSimple();
    return quote === "'" ? inner.replaceAll("''", "'") : inner;
  }
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return /^[Tt]/.test(text);
  if (SAFE_INT.test(text)) return Number(text);
  if (!WORD.test(text) || NUMBER.some((n) => n.test(text)) || text.endsWith(' ')) throw new NotSimple();
  return text;
}

/** `[a, 'b', 3]` on one line: plain words, whole numbers and quoted strings without commas. */
function flowList(text: string): unknown[] {
  if (!text.endsWith(']')) throw new NotSimple();
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  return inner.split(',').map((part) => {
    const item = part.trim();
    if (!FLOW_ITEM.test(item)) throw new NotSimple();
    return scalar(item);
  });
}

/** Answers as yaml-lines.ts does from a parsed document: the line of the last key or item reached. */
function indexOf(root: Node): LineIndex {
  function walk(path: readonly PathKey[]): { line: number; node?: Node } {
    let node: Node | undefined = root;
    let line = 1;
    for (const key of path) {
      if (node.pairs) {
        const pair = node.pairs.get(String(key));
        if (!pair) return { line };
        line = pair.keyLine;
        node = pair.node;
      } else if (node.items && typeof key === 'number') {
        const item: Node | undefined = node.items[key];
        if (!item) return { line };
        line = item.line;
        node = item;
      } else {
        return { line };
      }
    }
    return { line, node };
  }
  return {
    lineOf: (path) => walk(path).line,
    textLineOf: (path) => {
      const { line, node } = walk(path);
      return node?.line ?? line;
    },
  };
}
