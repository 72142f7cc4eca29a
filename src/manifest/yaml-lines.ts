/**
 * Where things are in a parsed YAML document: the 1-based line of each mapping key and sequence
 * item, by path (`['resources', 2, 'props', 0, 'name']`), and the line where each scalar's text
 * starts, read from the node ranges the `yaml` parser keeps. A path that does not exist answers
 * with its nearest existing ancestor.
 */
import type { Document, LineCounter, Node, Scalar } from 'yaml';
import { yamlPackage } from './yaml-package.js';

export type PathKey = string | number;

export interface LineIndex {
  /** Line of the key or item at `path`, or of its nearest known ancestor (1 when none). */
  lineOf(path: readonly PathKey[]): number;
  /** Line where the text of the scalar at `path` starts (the line after `key: |`). */
  textLineOf(path: readonly PathKey[]): number;
}

interface Found {
  /** Line of the last key or item reached. */
  line: number;
  /** The node at the whole path, when it exists. */
  node?: Node | undefined;
}

/** The index of a document parsed with `lineCounter`. */
export function indexDocument(doc: Document, lines: LineCounter): LineIndex {
  const { isMap, isScalar, isSeq, Scalar } = yamlPackage();
  const lineAt = (offset: number): number => lines.linePos(offset).line;

  function walk(path: readonly PathKey[]): Found {
    let node = doc.contents;
    let line = 1;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) return { line };
        const keyNode = pair.key as Scalar;
        if (keyNode.range) line = lineAt(keyNode.range[0]);
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) return { line };
        if (item.range) line = lineAt(item.range[0]);
        node = item;
      } else {
        return { line };
      }
    }
    return { line, node: node ?? undefined };
  }

  return {
    lineOf: (path) => walk(path).line,
    textLineOf(path) {
      const { line, node } = walk(path);
      if (!node?.range) return line;
      const start = lineAt(node.range[0]);
      // A block scalar's node starts at its `|` or `>` header; the text is on the lines below.
      const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
      return block ? start + 1 : start;
    },
  };
}

/**
 * An index that can let go of what it answers from: a manifest's parsed document holds far more
 * memory than its text (about 30 MB for 10,000 resources, as much as the rest of the loaded
 * stack), and once the manifest is built only an error needs a line. After `release`, the next
 * question builds the index again with `later` (parsing the text again).
 */
export interface ReleasableIndex extends LineIndex {
  release(): void;
}

export function releasable(first: LineIndex, later: () => LineIndex): ReleasableIndex {
  let held: LineIndex | undefined = first;
  const index = (): LineIndex => (held ??= later());
  return {
    lineOf: (path) => index().lineOf(path),
    textLineOf: (path) => index().textLineOf(path),
    release() {
      held = undefined;
    },
  };
}

/** Parses `text` and indexes it (for callers that have no document of their own). */
export function indexLines(text: string): LineIndex {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  return indexDocument(parseDocument(text, { lineCounter, merge: true }), lineCounter);
}
