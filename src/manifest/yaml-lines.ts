/**
 * Where things are in a parsed YAML document: the 1-based line of each mapping key and sequence
 * item, by path (`['resources', 2, 'props', 0, 'name']`), and the line where each scalar's text
 * starts, read from the node ranges the `yaml` parser keeps. A path that does not exist answers
 * with its nearest existing ancestor.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from 'yaml';

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

/** A parsed document and the line counter it was parsed with. */
export interface Parsed {
  doc: Document;
  lines: LineCounter;
}

/**
 * An index that can let go of its document: a manifest's document holds far more memory than
 * its text (about 30 MB for 10,000 resources, as much as the rest of the loaded stack), and
 * once the manifest is built only an error needs a line. After `release`, the next question
 * parses the text again.
 */
export interface ReleasableIndex extends LineIndex {
  release(): void;
}

/** The index of `text`, answering from `parsed` (what `parse(text)` gives) while it is held. */
export function indexSource(text: string, parse: (text: string) => Parsed, parsed?: Parsed): ReleasableIndex {
  let held = parsed;
  const source = (): Parsed => (held ??= parse(text));

  function walk(path: readonly PathKey[]): Found {
    const { doc, lines } = source();
    let node = doc.contents;
    let line = 1;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) return { line };
        const keyNode = pair.key as Scalar;
        if (keyNode.range) line = lines.linePos(keyNode.range[0]).line;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) return { line };
        if (item.range) line = lines.linePos(item.range[0]).line;
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
      const start = source().lines.linePos(node.range[0]).line;
      // A block scalar's node starts at its `|` or `>` header; the text is on the lines below.
      const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
      return block ? start + 1 : start;
    },
    release() {
      held = undefined;
    },
  };
}

/** Parses `text` and indexes it (for callers that have no document of their own). */
export function indexLines(text: string): LineIndex {
  return indexSource(text, (source) => {
    const lines = new LineCounter();
    return { doc: parseDocument(source, { lineCounter: lines, merge: true }), lines };
  });
}
